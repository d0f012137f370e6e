import type { PipelineState } from '../core/state';
import { getColumn, type CategoricalColumn, type NumericColumn } from '../core/table';
import { predictProbabilities } from './predict';
import type { Tf } from '../steps/step';

/** A classifier's decision regions over a 2-D feature space, with the data points on top. */
export interface DecisionBoundary {
  readonly xName: string;
  readonly yName: string;
  readonly classes: readonly string[];
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  /** Grid resolution along each axis. */
  readonly size: number;
  /** Row-major size×size: predicted class per cell (row 0 is the lowest y). */
  readonly cellClass: Int32Array;
  /** Row-major size×size: probability of the predicted class per cell. */
  readonly cellConfidence: Float32Array;
  readonly points: { readonly x: Float64Array; readonly y: Float64Array; readonly label: Int32Array; readonly test: Uint8Array };
}

/** The decision map of the final model when it uses exactly two numeric features; otherwise null. */
export function decisionBoundary(tf: Tf, state: PipelineState, size = 80): DecisionBoundary | null {
  const model = state.model;
  const features = model?.info.features;
  if (!model || !features || features.length !== 2 || !state.table || !state.target || !state.split) return null;
  const [fx, fy] = features.map((f) => getColumn(state.table!, f) as NumericColumn);
  const target = getColumn(state.table, state.target) as CategoricalColumn;
  const xr = paddedRange(fx.values);
  const yr = paddedRange(fy.values);
  const grid = new Float32Array(size * size * 2);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      grid[(j * size + i) * 2] = xr[0] + ((i + 0.5) / size) * (xr[1] - xr[0]);
      grid[(j * size + i) * 2 + 1] = yr[0] + ((j + 0.5) / size) * (yr[1] - yr[0]);
    }
  }
  const probs = predictProbabilities(tf, model, grid);
  if (!probs) return null;
  const k = target.categories.length;
  const cellClass = new Int32Array(size * size);
  const cellConfidence = new Float32Array(size * size);
  for (let c = 0; c < size * size; c++) {
    let best = 0;
    for (let m = 1; m < k; m++) if (probs[c * k + m] > probs[c * k + best]) best = m;
    cellClass[c] = best;
    cellConfidence[c] = probs[c * k + best];
  }
  const test = new Uint8Array(state.table.rowCount);
  state.split.test.forEach((r) => (test[r] = 1));
  return {
    xName: fx.name, yName: fy.name, classes: target.categories, x: xr, y: yr, size, cellClass, cellConfidence,
    points: { x: fx.values, y: fy.values, label: target.codes, test },
  };
}

function paddedRange(values: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const pad = (hi - lo || 1) * 0.08;
  return [lo - pad, hi + pad];
}
