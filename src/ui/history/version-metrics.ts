import type { RunRow } from '../state/run-list';
import { runNumbers } from './compare';
import { formatMetric, metricLabel, orderedMetrics } from '../results/metric-format';

/** The headline score of a version: its latest finished run's first metric (accuracy, R², …), as text. */
export interface VersionHeadline {
  readonly text: string;
  readonly runNumber: number;
}

/** For each version hash, the headline metric of its latest run that has metrics. */
export function headlineByVersion(runs: readonly RunRow[]): Map<string, VersionHeadline> {
  const numbers = runNumbers(runs);
  const out = new Map<string, VersionHeadline>();
  for (const run of [...runs].sort((a, b) => (numbers.get(b.id) ?? 0) - (numbers.get(a.id) ?? 0))) {
    if (out.has(run.versionHash)) continue;
    const metrics = run.summary.metrics;
    const name = orderedMetrics(Object.keys(metrics))[0];
    if (name === undefined) continue;
    out.set(run.versionHash, { text: `${metricLabel(name)} ${formatMetric(name, metrics[name])}`, runNumber: numbers.get(run.id) ?? 0 });
  }
  return out;
}
