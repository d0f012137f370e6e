import type { RunRecord } from '../engine/run-record';

/** A human-readable account of a run: status, metrics, hashes and timings. */
export function formatSummary(record: RunRecord): string {
  const env = record.environment;
  const lines = [
    `${record.spec.name}: ${record.status}`,
    `  seed ${record.seed} · backend ${env.backend} (float${env.floatPrecision}) · tfjs ${env.tfjsVersion} · ${env.runtime}`,
  ];
  if (record.error) lines.push(`  error: ${record.error.message}`);
  const metrics = Object.entries(record.metrics);
  if (metrics.length) {
    lines.push('', 'Test metrics:');
    for (const [name, value] of metrics) {
      const train = record.trainMetrics[name];
      lines.push(`  ${name.padEnd(10)} ${fmt(value)}${train === undefined ? '' : `   (train ${fmt(train)})`}`);
    }
  }
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

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}
