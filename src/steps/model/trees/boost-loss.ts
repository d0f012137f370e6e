import { detExp, detLog } from '../../../core/det-math';

// The losses of gradient boosting, as scikit-learn's loss classes: how raw scores become
// residuals (negative gradients) and how a leaf's rows become its value.

/** How a loss turns raw scores into residuals and leaves into values (scikit-learn's loss classes). */
export interface Loss {
  /** Raw outputs (trees per stage). */
  readonly outputs: number;
  init(): Float64Array;
  /** Negative gradients (rows × outputs) at the raw scores (rows × outputs). */
  residuals(raw: Float64Array): Float64Array;
  /** A leaf's value from the residuals of its rows. */
  leaf(r: Float64Array, rows: number[], k: number): number;
}

const EPS32 = 1.1920928955078125e-7;
const clip = (p: number) => Math.min(1 - EPS32, Math.max(EPS32, p));
const sigmoid = (x: number) => 1 / (1 + detExp(-x));

/** Squared error (the regressor's): mean init, residuals y − raw, leaves the mean residual. */
export function squaredError(y: Float64Array): Loss {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  return {
    outputs: 1,
    init: () => Float64Array.of(mean),
    residuals: (raw) => y.map((v, i) => v - raw[i]),
    leaf: (r, rows) => rows.reduce((a, i) => a + r[i], 0) / rows.length,
  };
}

/** Log loss (the classifier's): prior init, one raw output (2 classes) or one per class, Newton-step leaves. */
export function logLoss(codes: Int32Array, classes: number): Loss {
  const n = codes.length;
  const outputs = classes === 2 ? 1 : classes;
  const target = (i: number, k: number) => (outputs === 1 ? codes[i] : codes[i] === k ? 1 : 0);
  const prior = (k: number) => clip(codes.reduce((a, c) => a + (c === k ? 1 : 0), 0) / n);
  return {
    outputs,
    init: () => (outputs === 1 ? Float64Array.of(detLog(prior(1) / (1 - prior(1)))) : Float64Array.from({ length: outputs }, (_, k) => detLog(prior(k)))),
    residuals: (raw) => {
      const shares = classShares(raw, outputs);
      if (outputs === 1) return Float64Array.from({ length: n }, (_, i) => codes[i] - shares[2 * i + 1]);
      return shares.map((p, j) => target(Math.floor(j / outputs), j % outputs) - p);
    },
    leaf: (r, rows, k) => {
      let num = 0;
      let den = 0;
      for (const i of rows) {
        const p = target(i, k) - r[i];
        num += r[i];
        den += p * (1 - p);
      }
      if (outputs > 1) num *= (outputs - 1) / outputs;
      return Math.abs(den) < 1e-150 ? 0 : num / den;
    },
  };
}

/** Class probabilities (rows × classes) from raw scores. */
export function classShares(raw: Float64Array, outputs: number): Float64Array {
  const rows = raw.length / outputs;
  const classes = outputs === 1 ? 2 : outputs;
  const out = new Float64Array(rows * classes);
  for (let i = 0; i < rows; i++) {
    if (outputs === 1) {
      const p = sigmoid(raw[i]);
      out[2 * i] = 1 - p;
      out[2 * i + 1] = p;
      continue;
    }
    let max = -Infinity;
    for (let k = 0; k < outputs; k++) max = Math.max(max, raw[i * outputs + k]);
    let sum = 0;
    for (let k = 0; k < outputs; k++) sum += out[i * outputs + k] = detExp(raw[i * outputs + k] - max);
    for (let k = 0; k < outputs; k++) out[i * outputs + k] /= sum;
  }
  return out;
}
