import type { StepDescription } from './step-description';

/**
 * A metric an evaluate step reports, as every view, comparison, sweep ranking and export
 * reads it: its name in the run's metrics, how people call it, whether it is a share
 * (printed as a percent) and which direction is better.
 */
export interface MetricSchema {
  /** The key in a run's metrics, e.g. "accuracy". */
  readonly name: string;
  /** How it is shown, e.g. "F1 (macro)". */
  readonly label: string;
  /** 'share': a rate from 0 to 1 printed as a percent; 'number': printed with three decimals. */
  readonly unit: 'share' | 'number';
  /** Which values are better: 'higher' (accuracy, R²) or 'lower' (losses, errors). */
  readonly better: 'higher' | 'lower';
  /** Where it goes among all metrics (lower first): cards, tables and lists share one order. */
  readonly order: number;
}

/** The metrics every step declares, looked up by name. */
export interface MetricTable {
  /** The schema of a metric, or undefined for one no step declares. */
  get(name: string): MetricSchema | undefined;
  /** Every declared metric, in display order. */
  all(): readonly MetricSchema[];
}

/** The metric table of some step descriptions (a name declared twice keeps its first schema). */
export function metricTable(descriptions: readonly StepDescription[]): MetricTable {
  const byName = new Map<string, MetricSchema>();
  for (const d of descriptions) for (const m of d.metrics ?? []) if (!byName.has(m.name)) byName.set(m.name, m);
  const ordered = [...byName.values()].sort((a, b) => a.order - b.order);
  return { get: (name) => byName.get(name), all: () => ordered };
}

/** Whether smaller values of the metric are better (false for undeclared metrics). */
export function lowerIsBetterIn(table: MetricTable, name: string): boolean {
  return table.get(name)?.better === 'lower';
}

/** Names in display order: declared metrics by their order, then the others alphabetically. */
export function orderMetricNames(table: MetricTable, names: Iterable<string>): string[] {
  const all = new Set(names);
  const known = table.all().filter((m) => all.has(m.name)).map((m) => m.name);
  const others = [...all].filter((n) => !table.get(n)).sort();
  return [...known, ...others];
}

/** A metric as text: shares as a percent with one decimal, others with three (one when ≥ 100); '—' when missing. */
export function formatMetricIn(table: MetricTable, name: string, value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (table.get(name)?.unit === 'share') return `${(value * 100).toFixed(1)}%`;
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3);
}
