// The two-class half of the logistic objective (see logistic-objective.ts): scikit-learn's
// binomial log-loss of one coefficient vector, class 1 being the second class, with its
// gradient; rows are taken four (or two) at a time, their dot products, exps and logs interleaved
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
  for (; i + 3 < p.rows; i += 4) loss = binomialFourRows(p, w, grad, trueP, i, loss);
  if (i + 1 < p.rows) {
    loss = binomialTwoRows(p, w, grad, trueP, i, loss);
    i += 2;
  }
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
/** The gradients with respect to the scores of the rows in hand (two or four). */
const G = new Float64Array(4);

/**
 * Rows i and i + 1's losses added to `loss` (in that order) from their scores za, zb, their
 * gradients with respect to the scores into G[at], G[at + 1]: binomialRow's operations, the
 * exps and logs two at a time.
 */
function pairTerms(p: LogisticProblem, za: number, zb: number, i: number, trueP: Float64Array | null, loss: number, at: number): number {
  const ya = p.labels[i] === 1 ? 1 : 0;
  const yb = p.labels[i + 1] === 1 ? 1 : 0;
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
  G[at] = pa - ya;
  G[at + 1] = pb - yb;
  return loss;
}

/**
 * Rows i and i + 1 as two binomialRow calls would do them, bit for bit (each sum in the same
 * order), side by side: the dot products, exp and log are chains of dependent operations,
 * and two chains interleaved take about the time of one.
 */
function binomialTwoRows(p: LogisticProblem, w: Float64Array, grad: Float64Array, trueP: Float64Array | null, i: number, loss: number): number {
  const { x, features: d } = p;
  const offA = i * d;
  const offB = offA + d;
  let za = w[d];
  let zb = w[d];
  for (let j = 0; j < d; j++) {
    za += x[offA + j] * w[j];
    zb += x[offB + j] * w[j];
  }
  loss = pairTerms(p, za, zb, i, trueP, loss, 0);
  const ga = G[0];
  const gb = G[1];
  for (let j = 0; j < d; j++) grad[j] = grad[j] + ga * x[offA + j] + gb * x[offB + j];
  grad[d] = grad[d] + ga + gb;
  return loss;
}

/** Rows i … i + 3 as four binomialRow calls would do them, bit for bit: four dot products side by side, one pass over the gradient. */
function binomialFourRows(p: LogisticProblem, w: Float64Array, grad: Float64Array, trueP: Float64Array | null, i: number, loss: number): number {
  const { x, features: d } = p;
  const o0 = i * d;
  const o1 = o0 + d;
  const o2 = o1 + d;
  const o3 = o2 + d;
  let z0 = w[d];
  let z1 = w[d];
  let z2 = w[d];
  let z3 = w[d];
  for (let j = 0; j < d; j++) {
    const wj = w[j];
    z0 += x[o0 + j] * wj;
    z1 += x[o1 + j] * wj;
    z2 += x[o2 + j] * wj;
    z3 += x[o3 + j] * wj;
  }
  loss = pairTerms(p, z0, z1, i, trueP, loss, 0);
  loss = pairTerms(p, z2, z3, i + 2, trueP, loss, 2);
  const g0 = G[0];
  const g1 = G[1];
  const g2 = G[2];
  const g3 = G[3];
  for (let j = 0; j < d; j++) grad[j] = grad[j] + g0 * x[o0 + j] + g1 * x[o1 + j] + g2 * x[o2 + j] + g3 * x[o3 + j];
  grad[d] = grad[d] + g0 + g1 + g2 + g3;
  return loss;
}
