// scikit-learn's L2-penalised logistic-regression objective (sklearn 1.2, `LinearModelLoss`),
// as a value-and-gradient function for the L-BFGS minimiser:
//   f(W, b) = Σ_i loss_i + ½ · (1/C) · ‖W‖²      (the intercepts b are not penalised)
// which is (1/C) times the textbook C·Σ loss + ½‖W‖², the scaling scikit-learn hands to SciPy
// (so `tol` means the same thing). loss_i is the multinomial log-loss (log-sum-exp of the raw
// scores minus the true class's score) for three or more classes, and the binomial log-loss of
// one coefficient vector (class 1 = the second class) for two, as scikit-learn does for
// `multi_class='auto'`. Rows are float64, row-major; loops run over typed arrays. exp and log
// are built from basic float operations (poly-math), so the bits are the same in every
// JavaScript engine.
import { logisticBinomialLoss as binomialLoss } from './logistic-binomial';
import { polyExp, polyExpPair, polyLog, polyLogPair } from './poly-math';

/** A logistic-regression fitting problem: standardised rows, class codes and the penalty C. */
export interface LogisticProblem {
  /** rows × features values, row-major. */
  readonly x: Float64Array;
  readonly rows: number;
  readonly features: number;
  /** Class code (0 … classes−1) of each row. */
  readonly labels: Int32Array;
  readonly classes: number;
  /** Inverse regularisation strength (scikit-learn's C), > 0. */
  readonly C: number;
}

/** How many coefficient vectors the problem fits: 1 for two classes (binomial), one per class otherwise. */
export function coefficientRows(problem: LogisticProblem): number {
  return problem.classes === 2 ? 1 : problem.classes;
}

/**
 * The parameter vector's length: coefficientRows × (features + 1). Layout: one row per
 * coefficient vector, its `features` weights then its intercept.
 */
export function parameterCount(problem: LogisticProblem): number {
  return coefficientRows(problem) * (problem.features + 1);
}

/** The penalty ½λ‖W‖² (intercepts excluded), adding λW to the gradient. */
function addPenalty(w: Float64Array, grad: Float64Array, rows: number, width: number, lambda: number): number {
  let sq = 0;
  for (let k = 0; k < rows; k++) {
    const base = k * width;
    for (let j = 0; j < width - 1; j++) {
      const v = w[base + j];
      sq += v * v;
      grad[base + j] += lambda * v;
    }
  }
  return 0.5 * lambda * sq;
}

/** raw[c] = b_c + x_row · W_c for every class; four classes per pass share each x load (same sums, same order). */
function scoreRow(x: Float64Array, off: number, w: Float64Array, d: number, k: number, raw: Float64Array): void {
  const width = d + 1;
  let c = 0;
  for (; c + 3 < k; c += 4) {
    const b0 = c * width;
    const b1 = b0 + width;
    const b2 = b1 + width;
    const b3 = b2 + width;
    let s0 = w[b0 + d];
    let s1 = w[b1 + d];
    let s2 = w[b2 + d];
    let s3 = w[b3 + d];
    for (let j = 0; j < d; j++) {
      const v = x[off + j];
      s0 += v * w[b0 + j];
      s1 += v * w[b1 + j];
      s2 += v * w[b2 + j];
      s3 += v * w[b3 + j];
    }
    raw[c] = s0;
    raw[c + 1] = s1;
    raw[c + 2] = s2;
    raw[c + 3] = s3;
  }
  for (; c < k; c++) {
    const b = c * width;
    let s = w[b + d];
    for (let j = 0; j < d; j++) s += x[off + j] * w[b + j];
    raw[c] = s;
  }
}

/** grad_c += g[c] · (x_row, 1) for every class, four classes per pass over the row. */
function addRowGradient(x: Float64Array, off: number, g: Float64Array, grad: Float64Array, d: number, k: number): void {
  const width = d + 1;
  let c = 0;
  for (; c + 3 < k; c += 4) {
    const b0 = c * width;
    const b1 = b0 + width;
    const b2 = b1 + width;
    const b3 = b2 + width;
    const g0 = g[c];
    const g1 = g[c + 1];
    const g2 = g[c + 2];
    const g3 = g[c + 3];
    for (let j = 0; j < d; j++) {
      const v = x[off + j];
      grad[b0 + j] += g0 * v;
      grad[b1 + j] += g1 * v;
      grad[b2 + j] += g2 * v;
      grad[b3 + j] += g3 * v;
    }
    grad[b0 + d] += g0;
    grad[b1 + d] += g1;
    grad[b2 + d] += g2;
    grad[b3 + d] += g3;
  }
  for (; c < k; c++) {
    const b = c * width;
    for (let j = 0; j < d; j++) grad[b + j] += g[c] * x[off + j];
    grad[b + d] += g[c];
  }
}

/** grad_c += gA[c] · (xA, 1), then += gB[c] · (xB, 1), for two rows in one pass (the same sums, in the same order, as two single-row passes). */
function addTwoRowsGradient(x: Float64Array, offA: number, offB: number, g: Float64Array, grad: Float64Array, d: number, k: number): void {
  const width = d + 1;
  for (let c = 0; c < k; c += 2) {
    const pair = c + 1 < k;
    const b0 = c * width;
    const b1 = b0 + width;
    const gA0 = g[c];
    const gB0 = g[k + c];
    const gA1 = pair ? g[c + 1] : 0;
    const gB1 = pair ? g[k + c + 1] : 0;
    for (let j = 0; j < d; j++) {
      const vA = x[offA + j];
      const vB = x[offB + j];
      grad[b0 + j] = grad[b0 + j] + gA0 * vA + gB0 * vB;
      if (pair) grad[b1 + j] = grad[b1 + j] + gA1 * vA + gB1 * vB;
    }
    grad[b0 + d] = grad[b0 + d] + gA0 + gB0;
    if (pair) grad[b1 + d] = grad[b1 + d] + gA1 + gB1;
  }
}

/**
 * Row i's log-loss; leaves in g[0…k) the loss's gradient with respect to the row's scores
 * (softmax − one-hot), and in trueP[i] the row's probability of its true class.
 */
function rowLoss(p: LogisticProblem, w: Float64Array, i: number, g: Float64Array, trueP: Float64Array | null): number {
  const { x, features: d, labels, classes: k } = p;
  scoreRow(x, i * d, w, d, k, g);
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (g[c] > max) max = g[c];
  const own = g[labels[i]];
  let sum = 0;
  for (let c = 0; c < k; c++) sum += g[c] = polyExp(g[c] - max);
  for (let c = 0; c < k; c++) g[c] /= sum;
  if (trueP) trueP[i] = g[labels[i]];
  g[labels[i]] -= 1;
  return max + polyLog(sum) - own;
}

const LOSSES = new Float64Array(2);
const PAIR = new Float64Array(2);

/** rowLoss of rows i and i + 1 (into LOSSES, gradients into gA and gB), bit for bit, their exps and logs two at a time. */
function twoRowLosses(p: LogisticProblem, w: Float64Array, i: number, gA: Float64Array, gB: Float64Array, trueP: Float64Array | null): void {
  const { x, features: d, labels, classes: k } = p;
  scoreRow(x, i * d, w, d, k, gA);
  scoreRow(x, (i + 1) * d, w, d, k, gB);
  let maxA = -Infinity;
  let maxB = -Infinity;
  for (let c = 0; c < k; c++) {
    if (gA[c] > maxA) maxA = gA[c];
    if (gB[c] > maxB) maxB = gB[c];
  }
  const labelA = labels[i];
  const labelB = labels[i + 1];
  const ownA = gA[labelA];
  const ownB = gB[labelB];
  let sumA = 0;
  let sumB = 0;
  for (let c = 0; c < k; c++) {
    polyExpPair(gA[c] - maxA, gB[c] - maxB, PAIR);
    sumA += gA[c] = PAIR[0];
    sumB += gB[c] = PAIR[1];
  }
  for (let c = 0; c < k; c++) {
    gA[c] /= sumA;
    gB[c] /= sumB;
  }
  if (trueP) {
    trueP[i] = gA[labelA];
    trueP[i + 1] = gB[labelB];
  }
  gA[labelA] -= 1;
  gB[labelB] -= 1;
  polyLogPair(sumA, sumB, PAIR);
  LOSSES[0] = maxA + PAIR[0] - ownA;
  LOSSES[1] = maxB + PAIR[1] - ownB;
}

function multinomial(p: LogisticProblem, w: Float64Array, grad: Float64Array, raw: Float64Array, trueP: Float64Array | null): number {
  const { x, rows, features: d, classes: k } = p;
  const rawB = raw.subarray(k);
  grad.fill(0);
  let loss = 0;
  let i = 0;
  for (; i + 1 < rows; i += 2) {
    twoRowLosses(p, w, i, raw, rawB, trueP);
    loss += LOSSES[0];
    loss += LOSSES[1];
    addTwoRowsGradient(x, i * d, (i + 1) * d, raw, grad, d, k);
  }
  if (i < rows) {
    loss += rowLoss(p, w, i, raw, trueP);
    addRowGradient(x, i * d, raw, grad, d, k);
  }
  return loss + addPenalty(w, grad, k, d + 1, 1 / p.C);
}

/** Checks a problem's shape and values, with an error that says what is wrong. */
function validate(p: LogisticProblem): void {
  if (p.x.length !== p.rows * p.features) throw new Error(`Logistic regression: expected ${p.rows}×${p.features} values, got ${p.x.length}.`);
  if (p.labels.length !== p.rows) throw new Error(`Logistic regression: expected ${p.rows} labels, got ${p.labels.length}.`);
  if (p.classes < 2) throw new Error('Logistic regression needs at least two classes in the training rows.');
  if (!(p.C > 0) || !Number.isFinite(p.C)) throw new Error(`Logistic regression: C must be a positive number, got ${p.C}.`);
  for (let i = 0; i < p.rows; i++) {
    if (p.labels[i] < 0 || p.labels[i] >= p.classes) throw new Error(`Logistic regression: row ${i} has class code ${p.labels[i]}, outside 0…${p.classes - 1}.`);
  }
}

/**
 * The objective of `problem` as a value-and-gradient function over the parameter vector. With
 * `trueProbability` (one number per row), each evaluation also leaves there every row's
 * probability of its true class, bit for bit as logisticProbabilities computes it at that point.
 */
export function logisticObjective(problem: LogisticProblem, trueProbability: Float64Array | null = null): (w: Float64Array, grad: Float64Array) => number {
  validate(problem);
  if (trueProbability && trueProbability.length !== problem.rows) throw new Error(`Logistic regression: expected room for ${problem.rows} probabilities, got ${trueProbability.length}.`);
  const lambda = 1 / problem.C;
  if (problem.classes === 2) return (w, grad) => binomialLoss(problem, w, grad, trueProbability) + addPenalty(w, grad, 1, problem.features + 1, lambda);
  const raw = new Float64Array(2 * problem.classes);
  return (w, grad) => multinomial(problem, w, grad, raw, trueProbability);
}

/** Predicted class codes for row-major `x` under parameters `w` (laid out as parameterCount describes). */
export function predictClasses(w: Float64Array, x: Float64Array, features: number, classes: number): Int32Array {
  const rows = x.length / features;
  const out = new Int32Array(rows);
  const vectors = classes === 2 ? 1 : classes;
  for (let i = 0; i < rows; i++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < vectors; c++) {
      const base = c * (features + 1);
      let z = w[base + features];
      for (let j = 0; j < features; j++) z += x[i * features + j] * w[base + j];
      if (z > bestScore) {
        bestScore = z;
        best = c;
      }
    }
    out[i] = classes === 2 ? (bestScore > 0 ? 1 : 0) : best;
  }
  return out;
}
