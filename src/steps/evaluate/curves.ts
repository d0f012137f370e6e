/** A curve as points (x ascending along the sweep), e.g. ROC (fpr, tpr) or precision-recall (recall, precision). */
export interface Curve {
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/** One class scored against all others: its ROC curve and AUC, its precision-recall curve and average precision. */
export interface ClassCurves {
  readonly cls: string;
  readonly roc: Curve;
  readonly auc: number;
  readonly pr: Curve;
  readonly averagePrecision: number;
}

/**
 * ROC and precision-recall curves of scores against binary truth, with ties in
 * score treated as one threshold (like scikit-learn's roc_curve and
 * precision_recall_curve); AUC by the trapezoid rule, average precision as
 * scikit-learn defines it (sum of precision × recall increments). Undefined
 * when one side has no rows: then NaN.
 */
export function binaryCurves(scores: ArrayLike<number>, positive: ArrayLike<boolean>): Omit<ClassCurves, 'cls'> {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  let P = 0;
  for (let i = 0; i < positive.length; i++) if (positive[i]) P++;
  const N = positive.length - P;
  const roc = { x: [0], y: [0] };
  const pr = { x: [0], y: [1] };
  let tp = 0;
  let fp = 0;
  let auc = 0;
  let ap = 0;
  for (let k = 0; k < order.length; k++) {
    if (positive[order[k]]) tp++;
    else fp++;
    if (k + 1 < order.length && scores[order[k + 1]] === scores[order[k]]) continue;
    const fpr = N ? fp / N : NaN;
    const tpr = P ? tp / P : NaN;
    auc += ((fpr - roc.x[roc.x.length - 1]) * (tpr + roc.y[roc.y.length - 1])) / 2;
    const precision = tp / (tp + fp);
    ap += (tpr - pr.x[pr.x.length - 1]) * precision;
    roc.x.push(fpr);
    roc.y.push(tpr);
    pr.x.push(tpr);
    pr.y.push(precision);
  }
  return { roc, auc: P && N ? auc : NaN, pr, averagePrecision: P ? ap : NaN };
}

/** One-vs-rest curves for every class from row-major probabilities (rows × classes) of the given rows. */
export function oneVsRest(probabilities: ArrayLike<number>, truth: ArrayLike<number>, rows: ArrayLike<number>, classes: readonly string[]): ClassCurves[] {
  const k = classes.length;
  return classes.map((cls, c) => {
    const scores = Float64Array.from({ length: rows.length }, (_, i) => probabilities[rows[i] * k + c]);
    const positive = Array.from({ length: rows.length }, (_, i) => truth[i] === c);
    return { cls, ...binaryCurves(scores, positive) };
  });
}
