/** Browser families a result code may name (anything else is "Other"). */
export const BROWSERS = ['Chrome', 'Edge', 'Firefox', 'Safari', 'Samsung Internet', 'Opera', 'Node', 'Other'] as const;
/** Operating-system families a result code may name. */
export const SYSTEMS = ['Windows', 'macOS', 'Linux', 'Android', 'iOS', 'ChromeOS', 'Other'] as const;

/** A browser family. */
export type BrowserFamily = (typeof BROWSERS)[number];
/** An operating-system family. */
export type OsFamily = (typeof SYSTEMS)[number];

/** The browser family from a run's runtime string (a user agent, or "node v20…"). Order matters: Edge and Opera also say Chrome. */
export function browserFamily(runtime: string): BrowserFamily {
  if (/^node\b/i.test(runtime)) return 'Node';
  if (/Edg(e|A|iOS)?\//.test(runtime)) return 'Edge';
  if (/OPR\/|Opera/.test(runtime)) return 'Opera';
  if (/SamsungBrowser\//.test(runtime)) return 'Samsung Internet';
  if (/Firefox\/|FxiOS\//.test(runtime)) return 'Firefox';
  if (/Chrome\/|Chromium\/|CriOS\//.test(runtime)) return 'Chrome';
  if (/Safari\//.test(runtime)) return 'Safari';
  return 'Other';
}

/** The operating-system family from a runtime string; `platform` is Node's process.platform when there is no user agent. */
export function osFamily(runtime: string, platform = ''): OsFamily {
  if (/Android/.test(runtime)) return 'Android';
  if (/iPhone|iPad|iPod/.test(runtime)) return 'iOS';
  if (/CrOS/.test(runtime)) return 'ChromeOS';
  if (/Windows/.test(runtime) || platform === 'win32') return 'Windows';
  if (/Mac OS X|Macintosh/.test(runtime) || platform === 'darwin') return 'macOS';
  if (/Linux|X11/.test(runtime) || platform === 'linux') return 'Linux';
  return 'Other';
}
