import type { PipelineState, FittedModel } from '../../../core/state';
import type { NumericColumn } from '../../../core/table';

/**
 * Row-major float64 matrix of the given rows (all rows when `rows` is null). The
 * plain-JS models (kNN, naive Bayes, trees) work in float64, as scikit-learn does.
 */
export function rowMajor64(features: readonly NumericColumn[], rows: ArrayLike<number> | null, rowCount: number): Float64Array {
  const n = rows ? rows.length : rowCount;
  const d = features.length;
  const out = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    const values = features[j].values;
    for (let i = 0; i < n; i++) out[i * d + j] = values[rows ? rows[i] : i];
  }
  return out;
}

/** Index of the largest value in each row of a row-major matrix (the first one on a tie, like numpy's argmax). */
export function argmaxRows(matrix: Float32Array | Float64Array, width: number): Int32Array {
  const n = matrix.length / width;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < width; j++) if (matrix[i * width + j] > matrix[i * width + best]) best = j;
    out[i] = best;
  }
  return out;
}

/**
 * The state a plain-JS classifier hands on: its model, float64 probabilities stored
 * as float32 (rows × classes), labels decided in float64, no history, no evaluation.
 */
export function classifierOutput(input: PipelineState, model: FittedModel, probabilities: Float64Array, labels: Int32Array, classes: readonly string[]): PipelineState {
  return {
    ...input,
    model,
    predictions: { task: 'classification', classes, probabilities: Float32Array.from(probabilities), labels },
    history: null,
    evaluation: null,
  };
}

/** The state a plain-JS regressor hands on: its model and a value for every row. */
export function regressorOutput(input: PipelineState, model: FittedModel, values: Float64Array): PipelineState {
  return { ...input, model, predictions: { task: 'regression', values }, history: null, evaluation: null };
}

/** A model weight array by name; throws when a fitted model lacks it (a damaged or foreign model). */
export function weightValues(model: FittedModel, name: string): Float32Array | Float64Array {
  const w = model.weights.find((x) => x.name === name);
  if (!w) throw new Error(`The fitted ${model.kind} has no "${name}" weights: refit the model.`);
  return w.values;
}
