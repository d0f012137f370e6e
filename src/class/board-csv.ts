import type { BoardSummary } from './board-groups';

/** A CSV field, quoted when needed; a leading =, +, - or @ is prefixed with ' so spreadsheets never run it as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The board as CSV: one row per student (the latest hand-in), with the group's sentence. */
export function boardCsv(summary: BoardSummary): string {
  const metrics = [...new Set(summary.students.flatMap((c) => Object.keys(c.metrics)))];
  const header = ['name', 'handed_in', 'group', 'backend', 'precision', 'browser', 'os', 'seed', 'app_version', 'result_hash', ...metrics];
  const groupOf = new Map(summary.groups.flatMap((g) => g.codes.map((c) => [c, g.label] as const)));
  const rows = summary.students.map((c) => [
    c.name, new Date(c.at).toISOString(), groupOf.get(c) ?? '', c.backend, c.precision, c.browser, c.os, c.seed, c.appVersion, c.resultHash,
    ...metrics.map((m) => c.metrics[m] ?? ''),
  ]);
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}
