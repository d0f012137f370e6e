import { detExp, detLog } from '../../../core/det-math';

/**
 * Gaussian naive Bayes in plain float64, computed the way scikit-learn's GaussianNB
 * does: per-class means and (population) variances, every variance raised by
 * epsilon = varSmoothing × the largest feature variance on the training rows,
 * priors from the training class frequencies.
 */
export interface NaiveBayesFit {
  /** Row-major classes × features means. */
  readonly mean: Float64Array;
  /** Row-major classes × features variances, epsilon included. */
  readonly variance: Float64Array;
  /** Prior probability of each class (0 for a class absent from the training rows). */
  readonly prior: Float64Array;
  readonly epsilon: number;
}

function meanAndVariance(x: Float64Array, d: number, rows: readonly number[], j: number): [number, number] {
  let sum = 0;
  for (const i of rows) sum += x[i * d + j];
  const mean = sum / rows.length;
  let sq = 0;
  for (const i of rows) sq += (x[i * d + j] - mean) * (x[i * d + j] - mean);
  return [mean, sq / rows.length];
}

/** Fits the model to row-major training features `x` (n × d) with class codes `y`. */
export function fitNaiveBayes(x: Float64Array, d: number, y: ArrayLike<number>, classes: number, varSmoothing: number): NaiveBayesFit {
  const n = y.length;
  const all = Array.from({ length: n }, (_, i) => i);
  let largest = 0;
  for (let j = 0; j < d; j++) largest = Math.max(largest, meanAndVariance(x, d, all, j)[1]);
  const epsilon = varSmoothing * largest;
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < n; i++) byClass[y[i]].push(i);
  const mean = new Float64Array(classes * d);
  const variance = new Float64Array(classes * d).fill(epsilon);
  const prior = new Float64Array(classes);
  byClass.forEach((rows, c) => {
    prior[c] = rows.length / n;
    if (rows.length === 0) return;
    for (let j = 0; j < d; j++) {
      const [m, v] = meanAndVariance(x, d, rows, j);
      mean[c * d + j] = m;
      variance[c * d + j] = v + epsilon;
    }
  });
  return { mean, variance, prior, epsilon };
}

/** Joint log likelihood log P(c) + log P(x | c) of every query row (rows × classes); −∞ for a class with prior 0. */
export function jointLogLikelihood(fit: NaiveBayesFit, queries: ArrayLike<number>, d: number): Float64Array {
  const classes = fit.prior.length;
  const rows = queries.length / d;
  const constant = new Float64Array(classes);
  for (let c = 0; c < classes; c++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += detLog(2 * Math.PI * fit.variance[c * d + j]);
    constant[c] = detLog(fit.prior[c]) - 0.5 * s;
  }
  const out = new Float64Array(rows * classes);
  for (let q = 0; q < rows; q++) {
    for (let c = 0; c < classes; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = queries[q * d + j] - fit.mean[c * d + j];
        s += (diff * diff) / fit.variance[c * d + j];
      }
      out[q * classes + c] = constant[c] - 0.5 * s;
    }
  }
  return out;
}

/** Class probabilities (rows × classes) from joint log likelihoods, normalised by log-sum-exp. */
export function probabilitiesFromLogLikelihood(jll: Float64Array, classes: number): Float64Array {
  const out = new Float64Array(jll.length);
  for (let q = 0; q < jll.length / classes; q++) {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, jll[q * classes + c]);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += detExp(jll[q * classes + c] - max);
    const logNorm = max + detLog(sum);
    for (let c = 0; c < classes; c++) out[q * classes + c] = detExp(jll[q * classes + c] - logNorm);
  }
  return out;
}
