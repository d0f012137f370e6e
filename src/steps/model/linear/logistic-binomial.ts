// The two-class half of the logistic objective (see logistic-objective.ts): scikit-learn's
// binomial log-loss of one coefficient vector, class 1 being the second class, with its
// gradient; rows are taken two at a time, their dot products, exps and logs interleaved
// (the same operations in the same order as one row at a time, so the same bits).
import type { LogisticProblem } from './logistic-objective';
import { polyExp, polyExpPair, polyLog, polyLogPair } from './poly-math';

/** log(1 + u) for u >= 0, accurate for tiny u (Goldberg's correction of the rounded 1 + u). */
function log1p(u: number): number {
  const w = 1 + u;
  return w === 1 ? u : (polyLog(w) * u) / (w - 1);
}

/**
 * Σ log-loss over the rows (no penalty), the gradient of that into `grad` (overwritten), and,
 * with `trueP`, each row's probability of its true class.
 */
export function logisticBinomialLoss(p: LogisticProblem, w: Float64Array, grad: Float64Array, trueP: Float64Array | null): number {
  grad.fill(0);
  let loss = 0;
  let i = 0;
  for (; i + 1 < p.rows; i += 2) loss = binomialTwoRows(p, w, grad, trueP, i, loss);
  if (i < p.rows) loss = binomialRow(p, w, grad, trueP, i, loss);
  return loss;
}

/** Row i's log-loss added to `loss` (returned) and its gradient to `grad`. */
function binomialRow(p: LogisticProblem, w: Float64Array, grad: Float64Array, trueP: Float64Array | null, i: number, loss: number): number {
  const { x, features: d, labels } = p;
  const off = i * d;
  let z = w[d];
  for (let j = 0; j < d; j++) z += x[off + j] * w[j];
  const y = labels[i] === 1 ? 1 : 0;
  // softplus(z) = max(z, 0) + log(1 + e^−|z|) and sigmoid(z) from the same e^−|z|: no overflow, one exp.
  const e = polyExp(-Math.abs(z));
  loss += (z > 0 ? z : 0) + log1p(e) - y * z;
  const p1 = z >= 0 ? 1 / (1 + e) : e / (1 + e);
  if (trueP) trueP[i] = y === 1 ? p1 : 1 - p1;
  const g = p1 - y;
  for (let j = 0; j < d; j++) grad[j] += g * x[off + j];
  grad[d] += g;
  return loss;
}

const PAIR = new Float64Array(2);

/**
 * Rows i and i + 1 as two binomialRow calls would do them, bit for bit (each sum in the same
 * order), side by side: the dot products, exp and log are chains of dependent operations,
 * and two chains interleaved take about the time of one.
 */
function binomialTwoRows(p: LogisticProblem, w: Float64Array, grad: Float64Array, trueP: Float64Array | null, i: number, loss: number): number {
  const { x, features: d, labels } = p;
  const offA = i * d;
  const offB = offA + d;
  let za = w[d];
  let zb = w[d];
  for (let j = 0; j < d; j++) {
    za += x[offA + j] * w[j];
    zb += x[offB + j] * w[j];
  }
  const ya = labels[i] === 1 ? 1 : 0;
  const yb = labels[i + 1] === 1 ? 1 : 0;
  polyExpPair(-Math.abs(za), -Math.abs(zb), PAIR);
  const ea = PAIR[0];
  const eb = PAIR[1];
  const wa = 1 + ea;
  const wb = 1 + eb;
  polyLogPair(wa, wb, PAIR); // log1p as log1p() takes it: log(1 + u) · u / ((1 + u) − 1)
  loss += (za > 0 ? za : 0) + (wa === 1 ? ea : (PAIR[0] * ea) / (wa - 1)) - ya * za;
  loss += (zb > 0 ? zb : 0) + (wb === 1 ? eb : (PAIR[1] * eb) / (wb - 1)) - yb * zb;
  const pa = za >= 0 ? 1 / (1 + ea) : ea / (1 + ea);
  const pb = zb >= 0 ? 1 / (1 + eb) : eb / (1 + eb);
  if (trueP) {
    trueP[i] = ya === 1 ? pa : 1 - pa;
    trueP[i + 1] = yb === 1 ? pb : 1 - pb;
  }
  const ga = pa - ya;
  const gb = pb - yb;
  for (let j = 0; j < d; j++) grad[j] = grad[j] + ga * x[offA + j] + gb * x[offB + j];
  grad[d] = grad[d] + ga + gb;
  return loss;
}
