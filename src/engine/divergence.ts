import type { RunRecord } from './run-record';
import type { StepDigest } from './step-digest';

/** A run as comparison needs it: its record and, when kept, its step digests. */
export interface RunSnapshot {
  readonly record: RunRecord;
  readonly digests?: Readonly<Record<string, StepDigest>>;
}

/** The largest absolute difference found in one kind of output. */
export interface Difference {
  readonly what: string;
  readonly largest: number;
}

/** Where a re-run parted from the original, if it did. */
export interface Divergence {
  /** Same result hash: every step's output is bit for bit the same. */
  readonly identical: boolean;
  /** The first step (in pipeline order) whose output hash differs. */
  readonly firstStep: { readonly id: string; readonly kind: string; readonly index: number; readonly before: string | null; readonly after: string | null } | null;
  /** Largest differences in that step's outputs (weights, predictions, column statistics, metrics), where digests allow. */
  readonly differences: readonly Difference[];
  /** How far each final metric moved. */
  readonly metricDifferences: readonly Difference[];
}

/** Compares a run with its re-run (or any two runs of the same pipeline) and locates the first divergence. */
export function locateDivergence(original: RunSnapshot, again: RunSnapshot): Divergence {
  const a = original.record;
  const b = again.record;
  const metricDifferences = metricDiffs(a.metrics, b.metrics);
  const firstStep = firstDifferingStep(a, b);
  const identical = a.resultHash !== null && a.resultHash === b.resultHash && firstStep === null;
  if (!firstStep) return { identical, firstStep, differences: [], metricDifferences };
  const da = original.digests?.[firstStep.id];
  const db = again.digests?.[firstStep.id];
  return { identical, firstStep, differences: da && db ? digestDifferences(da, db) : [], metricDifferences };
}

/** The first step (in the original's order) whose output hash differs, or a step only the second run has. */
function firstDifferingStep(a: RunRecord, b: RunRecord): Divergence['firstStep'] {
  const after = new Map(b.steps.map((s) => [s.id, s]));
  for (const [index, s] of a.steps.entries()) {
    const other = after.get(s.id);
    if (!other || s.outputHash !== other.outputHash) return { id: s.id, kind: s.kind, index, before: s.outputHash, after: other?.outputHash ?? null };
  }
  const extra = b.steps.find((s) => !a.steps.some((x) => x.id === s.id));
  return extra ? { id: extra.id, kind: extra.kind, index: b.steps.indexOf(extra), before: null, after: extra.outputHash } : null;
}

/** Largest absolute differences between two digests of the same step. */
export function digestDifferences(a: StepDigest, b: StepDigest): Difference[] {
  const out: Difference[] = [];
  const weights = a.weights.map((w, i) => maxAbsDiff(w.values, b.weights[i]?.values));
  if (weights.length && weights.length === b.weights.length) out.push({ what: 'model weights', largest: Math.max(...weights) });
  if (a.testPredictions && b.testPredictions && sameRows(a.testRows, b.testRows)) {
    out.push({ what: 'test predictions', largest: maxAbsDiff(a.testPredictions, b.testPredictions) });
  }
  const stats = columnStatDiff(a, b);
  if (stats !== null) out.push({ what: 'column statistics (means, spreads)', largest: stats });
  if (a.metrics && b.metrics) out.push(...metricDiffs(a.metrics, b.metrics).map((d) => ({ ...d, what: `metric ${d.what}` })));
  return out;
}

/** Largest |a[i] − b[i]|; NaN when the arrays differ in length (not comparable). */
export function maxAbsDiff(a: ArrayLike<number> | undefined, b: ArrayLike<number> | undefined): number {
  if (!a || !b || a.length !== b.length) return NaN;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > m || Number.isNaN(d)) m = d;
  }
  return m;
}

/** Whether two test sets hold the same rows in the same order. */
export function sameRows(a: Int32Array | null, b: Int32Array | null): boolean {
  return Boolean(a && b && a.length === b.length && a.every((r, i) => r === b[i]));
}

function columnStatDiff(a: StepDigest, b: StepDigest): number | null {
  let m: number | null = null;
  for (const ca of a.columns) {
    const cb = b.columns.find((c) => c.name === ca.name);
    if (ca.type !== 'numeric' || cb?.type !== 'numeric') continue;
    const d = Math.max(Math.abs(ca.mean - cb.mean), Math.abs(ca.std - cb.std));
    m = Math.max(m ?? 0, Number.isNaN(d) ? 0 : d);
  }
  return m;
}

function metricDiffs(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Difference[] {
  return Object.keys(a)
    .filter((k) => k in b)
    .map((k) => ({ what: k, largest: Math.abs(a[k] - b[k]) }));
}
