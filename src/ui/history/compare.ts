// Pure helpers behind the runs table and the run comparison: parameter diffs, metric order,
// sorting, filtering and formatting of stored runs. No DOM, no Svelte.
import type { ParamSchema, ParamValue } from '../../core/params';
import type { StepSpec } from '../../core/spec';
import type { StoredRun } from '../../storage/records';
import type { RunRow } from '../state/run-list';
import { stepCatalog } from '../../steps/catalog';
import type { MetricTable } from '../../core/metric-schema';
import { lowerIsBetter, orderedMetrics } from '../results/metric-format';

/** One line of the parameter comparison: a (step, param) pair and its value in each run. */
export interface ParamRow {
  readonly key: string;
  readonly stepId: string;
  readonly stepLabel: string;
  readonly param: string;
  readonly paramLabel: string;
  /** The value in each run as text, in run order; null when the run lacks the step or param. */
  readonly values: readonly (string | null)[];
  readonly differs: boolean;
}

/** A sort order of the runs table. */
export type SortKey = 'createdAt' | 'seed' | 'status' | `metric:${string}`;

/** Keeps only runs whose metric passes a threshold. */
export interface MetricFilter {
  readonly metric: string;
  readonly op: '>=' | '<=';
  readonly value: number;
}

/** All values equal (nulls included)? */
function allEqual<T>(values: readonly T[]): boolean {
  return values.every((v) => v === values[0]);
}

/** A param value as text: lists "16, 8", booleans "on"/"off", choices by their label. */
export function formatParamValue(value: ParamValue | undefined, schema?: ParamSchema): string | null {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (schema?.type === 'choice') return schema.options.find((o) => o.value === value)?.label ?? String(value);
  return String(value);
}

/** Step ids across the runs, each placed after the step it follows where it first appears. */
function stepOrder(specs: readonly (readonly StepSpec[])[]): string[] {
  const order: string[] = [];
  for (const steps of specs) {
    let prev: string | null = null;
    for (const step of steps) {
      if (!order.includes(step.id)) order.splice(prev === null ? 0 : order.indexOf(prev) + 1, 0, step.id);
      prev = step.id;
    }
  }
  return order;
}

/** The rows of one step: its params (schema order first), plus kind and enabled when they differ. */
function stepRows(stepId: string, steps: readonly (StepSpec | undefined)[]): ParamRow[] {
  const present = steps.filter((s): s is StepSpec => s !== undefined);
  const label = (kind: string) => stepCatalog.describe(kind)?.label ?? kind;
  const stepLabel = `${label(present[0].kind)} · ${stepId}`;
  const row = (param: string, paramLabel: string, values: (string | null)[]): ParamRow => ({
    key: `${stepId}.${param}`, stepId, stepLabel, param, paramLabel, values, differs: !allEqual(values),
  });
  const rows: ParamRow[] = [];
  const kinds = steps.map((s) => (s ? label(s.kind) : null));
  if (!allEqual(present.map((s) => s.kind))) rows.push(row('kind', 'Step', kinds));
  const names: string[] = [];
  for (const s of present) {
    const schemas = stepCatalog.describe(s.kind)?.params ?? {};
    for (const n of [...Object.keys(schemas), ...Object.keys(s.params)]) if (!names.includes(n)) names.push(n);
  }
  const enabled = steps.map((s) => (s ? (s.enabled ? 'on' : 'off') : null));
  if (!allEqual(present.map((s) => s.enabled)) || (names.length === 0 && !allEqual(enabled))) {
    rows.push(row('enabled', 'Enabled', enabled));
  }
  for (const name of names) {
    const schemaOf = (s: StepSpec) => stepCatalog.describe(s.kind)?.params[name];
    const paramLabel = present.map(schemaOf).find((x) => x)?.label ?? name;
    rows.push(row(name, paramLabel, steps.map((s) => (s ? formatParamValue(s.params[name], schemaOf(s)) : null))));
  }
  return rows;
}

/** One row per (step id, param) across the runs' specs, after a seed row and a backend row. */
export function paramRows(runs: readonly StoredRun[]): ParamRow[] {
  const records = runs.map((r) => r.view.record);
  const seeds = records.map((r) => String(r.seed));
  const backends = records.map((r) => r.environment.backend + (r.environment.floatPrecision === 16 ? ' (float16)' : ''));
  const rows: ParamRow[] = [
    { key: 'seed', stepId: '', stepLabel: 'Pipeline', param: 'seed', paramLabel: 'Seed', values: seeds, differs: !allEqual(seeds) },
    { key: 'backend', stepId: '', stepLabel: 'Environment', param: 'backend', paramLabel: 'Backend', values: backends, differs: !allEqual(backends) },
  ];
  const specs = records.map((r) => r.spec.steps);
  for (const id of stepOrder(specs)) rows.push(...stepRows(id, specs.map((steps) => steps.find((s) => s.id === id))));
  return rows;
}

/** Which cells of a differing row stand out: those off the majority value (all of them when there is none). */
export function differingCells(values: readonly (string | null)[]): boolean[] {
  const counts = new Map<string | null, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top = Math.max(...counts.values());
  const majority = [...counts].filter(([, c]) => c === top);
  if (majority.length !== 1 || top < 2) return values.map(() => counts.size > 1);
  return values.map((v) => v !== majority[0][0]);
}

/** Union of the runs' metric names: the declared ones in their order, then the rest alphabetically. */
export function metricNames(runs: readonly RunRow[], table?: MetricTable): string[] {
  return orderedMetrics(runs.flatMap((r) => Object.keys(r.summary.metrics)), table);
}

/** A run's value of a metric, or undefined when it lacks it (or it is NaN). */
export function metricOf(run: RunRow, name: string): number | undefined {
  const v = run.summary.metrics[name];
  return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
}

/** Runs in the order of `key`; runs lacking the metric go last whatever the direction. Ties keep input order. */
export function sortRuns<R extends RunRow>(runs: readonly R[], key: SortKey, descending: boolean): R[] {
  const sign = descending ? -1 : 1;
  if (key.startsWith('metric:')) {
    const name = key.slice('metric:'.length);
    return [...runs].sort((a, b) => {
      const x = metricOf(a, name);
      const y = metricOf(b, name);
      if (x === undefined || y === undefined) return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0);
      return sign * (x - y);
    });
  }
  if (key === 'status') return [...runs].sort((a, b) => sign * a.summary.status.localeCompare(b.summary.status));
  const value = (r: R) => (key === 'seed' ? r.summary.seed : r.createdAt);
  return [...runs].sort((a, b) => sign * (value(a) - value(b)));
}

/** The runs passing the filter (all of them when it is null or its value is not a number). */
export function filterRuns<R extends RunRow>(runs: readonly R[], filter: MetricFilter | null): R[] {
  if (!filter || !Number.isFinite(filter.value)) return [...runs];
  return runs.filter((r) => {
    const v = metricOf(r, filter.metric);
    if (v === undefined) return false;
    return filter.op === '>=' ? v >= filter.value : v <= filter.value;
  });
}

/** For each value, whether it is the best of the row (ties all marked); nothing marked with fewer than two values. */
export function bestMarks(name: string, values: readonly (number | undefined)[], table?: MetricTable): boolean[] {
  const finite = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (finite.length < 2) return values.map(() => false);
  const best = lowerIsBetter(name, table) ? Math.min(...finite) : Math.max(...finite);
  return values.map((v) => v === best);
}

/** Run numbers by run id: the oldest run is 1 (ties broken by id). */
export function runNumbers(runs: readonly RunRow[]): Map<string, number> {
  const oldestFirst = [...runs].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return new Map(oldestFirst.map((r, i) => [r.id, i + 1]));
}

/** One point of the overlaid loss chart. */
export interface LossPoint {
  readonly run: string;
  readonly set: 'train' | 'test';
  readonly epoch: number;
  readonly loss: number;
}

/** Loss points of every run with a history ("Run #k" series), and the labels of the runs without one. */
export function lossPoints(runs: readonly StoredRun[], numbers: readonly number[]): { points: LossPoint[]; skipped: string[] } {
  const points: LossPoint[] = [];
  const skipped: string[] = [];
  runs.forEach((r, i) => {
    const run = `Run #${numbers[i] ?? i + 1}`;
    const history = r.view.record.history ?? [];
    if (history.length === 0) skipped.push(run);
    for (const h of history) {
      points.push({ run, set: 'test', epoch: h.epoch, loss: h.testLoss }, { run, set: 'train', epoch: h.epoch, loss: h.trainLoss });
    }
  });
  return { points, skipped };
}
