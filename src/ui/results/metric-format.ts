// How the UI names, orders and prints metrics: every view reads the metric schemas the
// evaluate steps declare (core/metric-schema.ts), through these helpers. `table` is there
// for tests; the app always uses the catalog's METRICS.
import { formatMetricIn, lowerIsBetterIn, orderMetricNames, type MetricTable } from '../../core/metric-schema';
import { METRICS } from '../../steps/catalog';

/** How a metric is shown ("F1 (macro)"); its own name when no step declares it. */
export function metricLabel(name: string, table: MetricTable = METRICS): string {
  return table.get(name)?.label ?? name;
}

/** A metric value as text: shares as percentages, others with three decimals; '—' when missing. */
export function formatMetric(name: string, value: number | undefined, table: MetricTable = METRICS): string {
  return formatMetricIn(table, name, value);
}

/** Whether the metric is a share shown as a percent (accuracy, precision, recall, F1). */
export function isPercentMetric(name: string, table: MetricTable = METRICS): boolean {
  return table.get(name)?.unit === 'share';
}

/** Whether a smaller value of the metric is better (losses and errors). */
export function lowerIsBetter(name: string, table: MetricTable = METRICS): boolean {
  return lowerIsBetterIn(table, name);
}

/** Metric names in display order: declared ones by their order, then the rest alphabetically. */
export function orderedMetrics(names: Iterable<string>, table: MetricTable = METRICS): string[] {
  return orderMetricNames(table, names);
}

/** The declared metrics among `names`, in display order (undeclared ones left out). */
export function declaredMetrics(names: Iterable<string>, table: MetricTable = METRICS): string[] {
  const all = new Set(names);
  return table.all().map((m) => m.name).filter((n) => all.has(n));
}

/** The metrics a run's cards show: the declared ones it has, in order (others are not shown as cards). */
export function cardMetrics(metrics: Readonly<Record<string, number>>, table: MetricTable = METRICS): string[] {
  return declaredMetrics(Object.keys(metrics), table);
}
