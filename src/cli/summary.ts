import type { CrossValidation, RunRecord } from '../engine/run-record';

/** A human-readable account of a run: status, metrics, hashes and timings. */
export function formatSummary(record: RunRecord): string {
  const env = record.environment;
  const lines = [
    `${record.spec.name}: ${record.status}`,
    `  seed ${record.seed} · backend ${env.backend} (float${env.floatPrecision}) · tfjs ${env.tfjsVersion} · ${env.runtime}`,
  ];
  if (record.error) lines.push(`  error: ${record.error.message}`);
  const metrics = Object.entries(record.metrics);
  const cv = record.crossValidation;
  if (metrics.length) {
    lines.push('', cv ? `Test metrics (${cv.folds}-fold cross-validation: mean ± std over the folds):` : 'Test metrics:');
    for (const [name, value] of metrics) {
      const train = record.trainMetrics[name];
      const spread = cv?.std[name] === undefined ? '' : ` ± ${fmt(cv.std[name])}`;
      lines.push(`  ${name.padEnd(10)} ${fmt(value)}${spread}${train === undefined ? '' : `   (train ${fmt(train)})`}`);
    }
  }
  if (cv && metrics.length) lines.push('', ...foldTable(cv));
  lines.push('', 'Steps:');
  for (const s of record.steps) {
    const hash = s.outputHash ? s.outputHash.slice(0, 12) : '—'.padEnd(12);
    lines.push(`  ${s.status.padEnd(9)} ${s.id.padEnd(16)} ${s.kind.padEnd(28)} ${hash} ${s.ms.toFixed(0).padStart(7)} ms`);
  }
  lines.push(
    '',
    `resultHash  ${record.resultHash ?? '—'}`,
    `configHash  ${record.configHash}`,
    `versionHash ${record.versionHash}`,
    `total       ${record.timings.totalMs.toFixed(0)} ms`,
  );
  return lines.join('\n');
}

/** The per-fold table of a cross-validated run: one line per fold, one column per test metric. */
function foldTable(cv: CrossValidation): string[] {
  const names = Object.keys(cv.mean);
  const head = `  ${'fold'.padEnd(6)}${names.map((n) => n.padStart(11)).join('')}`;
  const rows = cv.perFold.map((m, i) => `  ${String(i + 1).padEnd(6)}${names.map((n) => (m[n] === undefined ? '—' : m[n].toFixed(4)).padStart(11)).join('')}`);
  return ['Per fold (test rows):', head, ...rows];
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}
