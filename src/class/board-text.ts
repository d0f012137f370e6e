import type { BoardSummary } from './board-groups';

/** The board as plain text (the CLI's `class summary`): the groups, then one line per student. */
export function boardText(summary: BoardSummary, refused: readonly { line: string; reason: string }[]): string {
  const lines = summary.groups.map((g) => `${g.label}${g.kind === 'differs' ? '' : `  [${g.environment}]`}`);
  if (!summary.groups.length) lines.push('No result codes.');
  if (summary.duplicates) lines.push(`(${summary.duplicates} earlier hand-in${summary.duplicates === 1 ? '' : 's'} replaced by the same student's latest)`);
  const metric = summary.metric;
  lines.push('', `Students (${summary.students.length}):`);
  for (const c of summary.students) {
    const value = metric && c.metrics[metric] !== undefined ? `${metric} ${c.metrics[metric].toFixed(4)}` : '';
    lines.push(`  ${JSON.stringify(c.name)}  ${new Date(c.at).toISOString()}  ${c.backend} float${c.precision} (${c.browser}, ${c.os})  seed ${c.seed}  ${value}  ${c.resultHash}`);
  }
  if (refused.length) lines.push('', `Refused (${refused.length}):`, ...refused.map((r) => `  ${r.line}: ${r.reason}`));
  return lines.join('\n');
}
