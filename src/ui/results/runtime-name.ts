/** A short name for the run record's runtime: "Chromium 156", "Firefox 133", "node v20.20.2". */
export function runtimeName(runtime: string): string {
  if (runtime.startsWith('node ')) return runtime;
  const patterns: [RegExp, string][] = [
    [/Edg\/(\d+)/, 'Edge'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/(?:Chromium|Chrome)\/(\d+)/, 'Chromium'],
    [/Version\/(\d+)[\d.]* Safari/, 'Safari'],
  ];
  for (const [re, name] of patterns) {
    const m = runtime.match(re);
    if (m) return `${name} ${m[1]}`;
  }
  return runtime.slice(0, 40);
}
