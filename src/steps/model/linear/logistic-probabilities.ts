// Class probabilities and mean log-loss of an L-BFGS logistic-regression parameter vector (the
// layout of logistic-objective: per coefficient row, its weights then its intercept), in float64
// as scikit-learn's predict_proba computes them: the sigmoid of the one score for two classes,
// the softmax of the class scores otherwise. exp and log come from poly-math (same bits everywhere).
import { polyExp, polyExpPair, polyLog, polyLogPair } from './poly-math';

/** rows × classes probabilities, row-major, for row-major `x` (rows × features). */
export function logisticProbabilities(params: Float64Array, x: Float64Array, features: number, classes: number): Float64Array {
  const rows = x.length / features;
  const out = new Float64Array(rows * classes);
  const scores = new Float64Array(classes);
  for (let i = 0; i < rows; i++) rowProbabilities(params, x, i * features, features, classes, scores, out, i * classes);
  return out;
}

/**
 * The mean log-loss of `labels` under `params` on row-major `x`: the same bits as meanLogLoss of
 * logisticProbabilities' output, without allocating it (the loss chart's test loss, every iteration).
 * `scratch` holds 2 × classes numbers.
 */
export function meanLogLossAt(params: Float64Array, x: Float64Array, labels: Int32Array, features: number, classes: number, scratch: Float64Array): number {
  const n = labels.length;
  if (n === 0) return 0;
  const scores = scratch.subarray(0, classes);
  const row = scratch.subarray(classes, 2 * classes);
  const trueOf = (i: number) => {
    rowProbabilities(params, x, i * features, features, classes, scores, row, 0);
    return row[labels[i]];
  };
  let sum = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    if (classes === 2) binomialTruePair(params, x, i, features, labels, LOGS);
    else {
      LOGS[0] = trueOf(i);
      LOGS[1] = trueOf(i + 1);
    }
    polyLogPair(Math.max(LOGS[0], 1e-15), Math.max(LOGS[1], 1e-15), LOGS); // two logs side by side, same bits
    sum -= LOGS[0];
    sum -= LOGS[1];
  }
  if (i < n) sum -= polyLog(Math.max(trueOf(i), 1e-15));
  return sum / n;
}

/** Rows i and i + 1's probabilities of their true classes (two classes) into out, as rowProbabilities gives them, their exps side by side. */
function binomialTruePair(params: Float64Array, x: Float64Array, i: number, features: number, labels: Int32Array, out: Float64Array): void {
  const offA = i * features;
  const offB = offA + features;
  let za = params[features];
  let zb = params[features];
  for (let j = 0; j < features; j++) {
    za += x[offA + j] * params[j];
    zb += x[offB + j] * params[j];
  }
  polyExpPair(-Math.abs(za), -Math.abs(zb), out);
  const ea = out[0];
  const eb = out[1];
  const pa = za >= 0 ? 1 / (1 + ea) : ea / (1 + ea);
  const pb = zb >= 0 ? 1 / (1 + eb) : eb / (1 + eb);
  out[0] = labels[i] === 1 ? pa : 1 - pa;
  out[1] = labels[i + 1] === 1 ? pb : 1 - pb;
}

/** Row `off`'s class probabilities into out[at … at + classes). */
function rowProbabilities(params: Float64Array, x: Float64Array, off: number, features: number, classes: number, scores: Float64Array, out: Float64Array, at: number): void {
  const width = features + 1;
  const k = classes === 2 ? 1 : classes;
  for (let c = 0; c < k; c++) {
    let z = params[c * width + features];
    for (let j = 0; j < features; j++) z += x[off + j] * params[c * width + j];
    scores[c] = z;
  }
  if (classes === 2) {
    const z = scores[0];
    const e = polyExp(-Math.abs(z));
    const p1 = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    out[at] = 1 - p1;
    out[at + 1] = p1;
  } else {
    softmaxInto(scores, out, at);
  }
}

function softmaxInto(scores: Float64Array, out: Float64Array, at: number): void {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) max = Math.max(max, scores[c]);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = polyExp(scores[c] - max);
    out[at + c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) out[at + c] /= sum;
}

/** Mean cross-entropy of the true classes (probabilities clipped at 1e-15, as scikit-learn's log_loss). */
export function meanLogLoss(probabilities: Float64Array, labels: Int32Array, classes: number): number {
  if (labels.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum -= polyLog(Math.max(probabilities[i * classes + labels[i]], 1e-15));
  return sum / labels.length;
}

/** meanLogLoss from each row's probability of its true class (as the objective leaves them). */
export function meanTrueClassLogLoss(trueProbability: Float64Array): number {
  const n = trueProbability.length;
  if (n === 0) return 0;
  let sum = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    polyLogPair(Math.max(trueProbability[i], 1e-15), Math.max(trueProbability[i + 1], 1e-15), LOGS); // two logs side by side, same bits
    sum -= LOGS[0];
    sum -= LOGS[1];
  }
  if (i < n) sum -= polyLog(Math.max(trueProbability[i], 1e-15));
  return sum / n;
}

const LOGS = new Float64Array(2);
