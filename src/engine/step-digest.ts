import type { Metrics, PipelineState } from '../core/state';
import type { Column } from '../core/table';
import { columnStats, type ColumnStats } from '../core/table-stats';

/**
 * A compact account of one step's output, kept with every run so that two runs
 * can be compared after the fact: table shape and column statistics, the split
 * sizes, and, where the step made them, the model weights, the test-row
 * predictions and the metrics.
 */
export interface StepDigest {
  readonly rowCount: number;
  readonly columns: readonly ColumnStats[];
  readonly split: { readonly train: number; readonly test: number } | null;
  readonly weights: readonly { readonly name: string; readonly values: Float32Array | Float64Array }[];
  /** Row indices of the test set (only on steps that made predictions). */
  readonly testRows: Int32Array | null;
  /** Test-row predictions: class probabilities (rows × classes) or values. */
  readonly testPredictions: Float32Array | Float64Array | null;
  /** Test-row predicted classes (classification). */
  readonly testLabels: Int32Array | null;
  readonly classes: readonly string[] | null;
  readonly metrics: Metrics | null;
}

/** The digest of `state`, the output of a step whose input was `previous` (`statsOf` may reuse statistics already computed). */
export function digestStep(state: PipelineState, previous: PipelineState | null, statsOf: (col: Column) => ColumnStats = columnStats): StepDigest {
  const table = state.table;
  const newModel = state.model && state.model !== previous?.model;
  const newPredictions = state.predictions && state.predictions !== previous?.predictions && state.split;
  const newEvaluation = state.evaluation && state.evaluation !== previous?.evaluation;
  const p = state.predictions;
  const testRows = newPredictions ? state.split!.test : null;
  return {
    rowCount: table?.rowCount ?? 0,
    columns: table ? table.columns.map((c) => statsOf(c)) : [],
    split: state.split ? { train: state.split.train.length, test: state.split.test.length } : null,
    weights: newModel ? state.model!.weights.map((w) => ({ name: w.name, values: w.values })) : [],
    testRows,
    testPredictions: testRows && p ? testRowValues(p.probabilities ?? p.values ?? null, testRows, p.classes?.length ?? 1) : null,
    testLabels: testRows && p?.labels ? Int32Array.from(testRows, (r) => p.labels![r]) : null,
    classes: newPredictions ? p?.classes ?? null : null,
    metrics: newEvaluation ? state.evaluation!.test : null,
  };
}

function testRowValues(values: Float32Array | Float64Array | null, rows: Int32Array, width: number): Float32Array | Float64Array | null {
  if (!values) return null;
  const out = values instanceof Float32Array ? new Float32Array(rows.length * width) : new Float64Array(rows.length * width);
  rows.forEach((r, i) => out.set(values.subarray(r * width, (r + 1) * width), i * width));
  return out;
}
