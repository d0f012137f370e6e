import { detLog } from '../../core/det-math';

/** Confusion matrix: rows are true classes, columns predicted classes. */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, k: number): number[][] {
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < truth.length; i++) m[truth[i]][predicted[i]]++;
  return m;
}

/**
 * Accuracy and macro-averaged precision, recall and F1 from a confusion matrix,
 * averaged over the classes present in truth or predictions (scikit-learn's
 * convention; an undefined ratio counts as 0).
 */
export function classificationScores(m: readonly (readonly number[])[]): Record<string, number> {
  const k = m.length;
  let correct = 0;
  let total = 0;
  let p = 0;
  let r = 0;
  let f = 0;
  let present = 0;
  for (let c = 0; c < k; c++) {
    const tp = m[c][c];
    const actual = m[c].reduce((a, b) => a + b, 0);
    const predicted = m.reduce((a, row) => a + row[c], 0);
    correct += tp;
    total += actual;
    if (actual === 0 && predicted === 0) continue;
    present++;
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    p += precision;
    r += recall;
    f += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  }
  const avg = (x: number) => (present ? x / present : 0);
  return { accuracy: total ? correct / total : 0, precision: avg(p), recall: avg(r), f1: avg(f) };
}

/** Mean negative log-likelihood of the true classes, probabilities clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(truth: ArrayLike<number>, probabilities: ArrayLike<number>, rows: ArrayLike<number>, k: number): number {
  const eps = 1e-15;
  let sum = 0;
  for (let i = 0; i < rows.length; i++) {
    const pr = probabilities[rows[i] * k + truth[i]];
    sum -= detLog(Math.min(1 - eps, Math.max(eps, pr)));
  }
  return rows.length ? sum / rows.length : 0;
}
