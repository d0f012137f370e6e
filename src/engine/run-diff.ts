import { diffSpecs, type SpecDiff } from '../core/spec-diff';
import type { ColumnStats } from '../core/table-stats';
import { maxAbsDiff, sameRows, type RunSnapshot } from './divergence';
import type { StepDigest } from './step-digest';

/** One configuration difference between two runs. */
export interface ConfigChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/** Whether a step's output is the same in both runs. */
export type StepComparison = 'equal' | 'different' | 'only-before' | 'only-after' | 'not-finished';

/** What changed in the output of the first step that differs. */
export interface FirstDifference {
  readonly stepId: string;
  readonly kind: string;
  readonly rows: { readonly before: number; readonly after: number };
  readonly columnsAdded: readonly string[];
  readonly columnsRemoved: readonly string[];
  readonly columnChanges: readonly { readonly name: string; readonly meanBefore: number; readonly meanAfter: number; readonly stdBefore: number; readonly stdAfter: number }[];
  readonly weights: readonly { readonly name: string; readonly maxAbsDiff: number | null }[];
  readonly metrics: readonly { readonly name: string; readonly before: number; readonly after: number }[];
}

/** Which test rows changed prediction between the two runs. */
export interface PredictionChanges {
  readonly comparable: boolean;
  /** Why the rows cannot be compared (different test sets, no predictions). */
  readonly reason: string | null;
  readonly changedRows: readonly number[];
  readonly total: number;
  readonly largest: number;
}

/** Everything the run diff view shows. */
export interface RunDiff {
  readonly config: readonly ConfigChange[];
  readonly spec: SpecDiff;
  readonly steps: readonly { readonly id: string; readonly kind: string; readonly status: StepComparison }[];
  readonly first: FirstDifference | null;
  readonly predictions: PredictionChanges | null;
}

/** Compares two runs: configuration first, then step by step, then the test predictions. */
export function diffRuns(a: RunSnapshot, b: RunSnapshot): RunDiff {
  const steps = compareSteps(a, b);
  // The first step both runs finished with different outputs (a skipped step has no output to compare).
  const firstId = steps.find((s) => s.status === 'different')?.id;
  const da = firstId ? a.digests?.[firstId] : undefined;
  const db = firstId ? b.digests?.[firstId] : undefined;
  const first = firstId && da && db ? describeFirst(firstId, steps.find((s) => s.id === firstId)!.kind, da, db) : null;
  return { config: configChanges(a, b), spec: diffSpecs(a.record.spec, b.record.spec), steps, first, predictions: predictionChanges(a, b) };
}

function configChanges(a: RunSnapshot, b: RunSnapshot): ConfigChange[] {
  const ea = a.record.environment;
  const eb = b.record.environment;
  const fields: [string, unknown, unknown][] = [
    ['seed', a.record.seed, b.record.seed],
    ['backend', ea.backend, eb.backend],
    ['float precision', ea.floatPrecision, eb.floatPrecision],
    ['tfjs version', ea.tfjsVersion, eb.tfjsVersion],
    ['engine version', ea.engineVersion, eb.engineVersion],
    ['app version', ea.appVersion, eb.appVersion],
    ['runtime', ea.runtime, eb.runtime],
  ];
  const ids = new Set([...Object.keys(a.record.dataHashes), ...Object.keys(b.record.dataHashes)]);
  for (const id of ids) fields.push([`data of step ${id}`, short(a.record.dataHashes[id]), short(b.record.dataHashes[id])]);
  return fields.filter(([, x, y]) => x !== y).map(([field, x, y]) => ({ field, before: String(x ?? '—'), after: String(y ?? '—') }));
}

function compareSteps(a: RunSnapshot, b: RunSnapshot): RunDiff['steps'] {
  const inB = new Map(b.record.steps.map((s) => [s.id, s]));
  const out: { id: string; kind: string; status: StepComparison }[] = a.record.steps.map((s) => {
    const o = inB.get(s.id);
    if (!o) return { id: s.id, kind: s.kind, status: 'only-before' };
    if (!s.outputHash || !o.outputHash) return { id: s.id, kind: s.kind, status: s.outputHash === o.outputHash ? 'equal' : 'not-finished' };
    return { id: s.id, kind: s.kind, status: s.outputHash === o.outputHash ? 'equal' : 'different' };
  });
  for (const s of b.record.steps) if (!a.record.steps.some((x) => x.id === s.id)) out.push({ id: s.id, kind: s.kind, status: 'only-after' });
  return out;
}

function describeFirst(stepId: string, kind: string, a: StepDigest, b: StepDigest): FirstDifference {
  const namesA = a.columns.map((c) => c.name);
  const namesB = b.columns.map((c) => c.name);
  return {
    stepId,
    kind,
    rows: { before: a.rowCount, after: b.rowCount },
    columnsAdded: namesB.filter((n) => !namesA.includes(n)),
    columnsRemoved: namesA.filter((n) => !namesB.includes(n)),
    columnChanges: changedColumns(a.columns, b.columns),
    weights: a.weights.map((w, i) => {
      const d = maxAbsDiff(w.values, b.weights[i]?.values);
      return { name: w.name, maxAbsDiff: Number.isNaN(d) ? null : d };
    }),
    metrics: a.metrics && b.metrics ? Object.keys(a.metrics).filter((k) => k in b.metrics!).map((k) => ({ name: k, before: a.metrics![k], after: b.metrics![k] })) : [],
  };
}

function changedColumns(a: readonly ColumnStats[], b: readonly ColumnStats[]): FirstDifference['columnChanges'] {
  const out: { name: string; meanBefore: number; meanAfter: number; stdBefore: number; stdAfter: number }[] = [];
  for (const ca of a) {
    const cb = b.find((c) => c.name === ca.name);
    if (ca.type !== 'numeric' || cb?.type !== 'numeric') continue;
    if (ca.mean !== cb.mean || ca.std !== cb.std) out.push({ name: ca.name, meanBefore: ca.mean, meanAfter: cb.mean, stdBefore: ca.std, stdAfter: cb.std });
  }
  return out;
}

function predictionChanges(a: RunSnapshot, b: RunSnapshot): PredictionChanges | null {
  const pa = lastPredictions(a);
  const pb = lastPredictions(b);
  if (!pa || !pb) return null;
  if (!sameRows(pa.testRows, pb.testRows)) {
    return { comparable: false, reason: 'The two runs tested different rows (the split differs), so predictions cannot be compared row by row.', changedRows: [], total: pb.testRows?.length ?? 0, largest: NaN };
  }
  const rows = pa.testRows!;
  const changed: number[] = [];
  if (pa.testLabels && pb.testLabels) rows.forEach((r, i) => pa.testLabels![i] !== pb.testLabels![i] && changed.push(r));
  else if (pa.testPredictions && pb.testPredictions) rows.forEach((r, i) => pa.testPredictions![i] !== pb.testPredictions![i] && changed.push(r));
  return { comparable: true, reason: null, changedRows: changed, total: rows.length, largest: maxAbsDiff(pa.testPredictions ?? undefined, pb.testPredictions ?? undefined) };
}

function lastPredictions(run: RunSnapshot): StepDigest | null {
  if (!run.digests) return null;
  const withPredictions = run.record.steps.map((s) => run.digests![s.id]).filter((d) => d?.testRows);
  return withPredictions.length ? withPredictions[withPredictions.length - 1] : null;
}

function short(hash: string | undefined): string | undefined {
  return hash?.slice(0, 12);
}
