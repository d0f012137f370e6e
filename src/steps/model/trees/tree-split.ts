/**
 * The best threshold of one feature for one tree node, as scikit-learn's CART
 * looks for it: thresholds sit midway between consecutive distinct values, a
 * row goes left when its value is ≤ the threshold, and a split is scored by the
 * criterion's "proxy" (higher is better, equivalent to the impurity decrease).
 * Unlike scikit-learn, values stay float64 (it casts features to float32 and
 * treats values less than 1e-7 apart as equal), so thresholds can differ in the
 * last digits.
 */

/** What a tree predicts: class codes (with the number of classes) or numbers. */
export type TreeTarget =
  | { readonly kind: 'classes'; readonly codes: ArrayLike<number>; readonly classes: number }
  | { readonly kind: 'values'; readonly values: ArrayLike<number> };

/** How a split is scored: Gini impurity or entropy for classes, squared error for numbers. */
export type Criterion = 'gini' | 'entropy' | 'squared_error';

/** A split of one feature: its score (higher is better) and threshold. */
export interface SplitCandidate {
  readonly score: number;
  readonly threshold: number;
}

/**
 * Whether `score` beats `best`. Gini scores are exact ratios of integers, so a plain
 * comparison keeps the first of two equal splits; entropy and squared error carry
 * rounding, so they must win by more than 1e-12 (relative) to count as better.
 */
export function beats(score: number, best: number, criterion: Criterion): boolean {
  if (criterion === 'gini') return score > best;
  return score > best + 1e-12 * Math.abs(best);
}

/** Midpoint of two consecutive distinct values, computed as scikit-learn does (never equal to the upper value). */
export function midpoint(lo: number, hi: number): number {
  const t = lo / 2 + hi / 2;
  return t === hi || !Number.isFinite(t) ? lo : t;
}

/** Table of c·ln(c) for c = 0..n (0 for c = 0), for entropy scores. */
export function cLogCTable(n: number, log: (x: number) => number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let c = 1; c <= n; c++) out[c] = c * log(c);
  return out;
}

/**
 * The best split of a node on one feature. `sorted` holds the node's rows in
 * ascending order of `col`; `clog` is a c·ln(c) table at least as long as the node.
 * Returns null when no threshold leaves `minLeaf` rows on each side.
 */
export function bestThreshold(
  sorted: Int32Array, col: Float64Array, target: TreeTarget, criterion: Criterion, minLeaf: number, clog: Float64Array,
): SplitCandidate | null {
  if (target.kind === 'values') return bestValueThreshold(sorted, col, target.values, minLeaf, criterion);
  const k = target.classes;
  const n = sorted.length;
  const left = new Float64Array(k);
  const right = new Float64Array(k);
  for (const r of sorted) right[target.codes[r]]++;
  let best: SplitCandidate | null = null;
  for (let i = 0; i < n - 1; i++) {
    const c = target.codes[sorted[i]];
    left[c]++;
    right[c]--;
    const nL = i + 1;
    const nR = n - nL;
    if (nR < minLeaf) break;
    if (nL < minLeaf || !(col[sorted[i]] < col[sorted[i + 1]])) continue;
    const score = criterion === 'gini' ? giniScore(left, right, nL, nR) : entropyScore(left, right, nL, nR, clog);
    if (!best || beats(score, best.score, criterion)) best = { score, threshold: midpoint(col[sorted[i]], col[sorted[i + 1]]) };
  }
  return best;
}

/** Σ cL²/nL + Σ cR²/nR as one ratio of integers (exact while counts stay below ~2^17). */
function giniScore(left: Float64Array, right: Float64Array, nL: number, nR: number): number {
  let sl = 0;
  let sr = 0;
  for (let c = 0; c < left.length; c++) {
    sl += left[c] * left[c];
    sr += right[c] * right[c];
  }
  return (sl * nR + sr * nL) / (nL * nR);
}

/** −(nL·H(left) + nR·H(right)) in nats, from c·ln(c) terms. */
function entropyScore(left: Float64Array, right: Float64Array, nL: number, nR: number, clog: Float64Array): number {
  let s = 0;
  for (let c = 0; c < left.length; c++) s += clog[left[c]] + clog[right[c]];
  return s - clog[nL] - clog[nR];
}

/** Squared error: maximises sumL²/nL + sumR²/nR (the rest of the error is constant for the node). */
function bestValueThreshold(sorted: Int32Array, col: Float64Array, values: ArrayLike<number>, minLeaf: number, criterion: Criterion): SplitCandidate | null {
  const n = sorted.length;
  let total = 0;
  for (const r of sorted) total += values[r];
  let sumL = 0;
  let best: SplitCandidate | null = null;
  for (let i = 0; i < n - 1; i++) {
    sumL += values[sorted[i]];
    const nL = i + 1;
    const nR = n - nL;
    if (nR < minLeaf) break;
    if (nL < minLeaf || !(col[sorted[i]] < col[sorted[i + 1]])) continue;
    const sumR = total - sumL;
    const score = (sumL * sumL) / nL + (sumR * sumR) / nR;
    if (!best || beats(score, best.score, criterion)) best = { score, threshold: midpoint(col[sorted[i]], col[sorted[i + 1]]) };
  }
  return best;
}
