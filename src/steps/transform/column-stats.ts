import { StepInputError } from '../../core/errors';
import type { NumericColumn } from '../../core/table';

/**
 * Float64 statistics the fitted transforms learn from the training rows, computed as
 * scikit-learn and numpy do (missing values ignored), so their results can be compared.
 */

/** The present (non-missing) values of `values` at `rows`, sorted ascending. */
export function sortedPresent(values: Float64Array, rows: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (!Number.isNaN(v)) out.push(v);
  }
  return Float64Array.from(out).sort();
}

/** Like `sortedPresent`, but throws a StepInputError when the training rows hold no value of the column. */
export function trainingValues(col: NumericColumn, rows: ArrayLike<number>, label: string): Float64Array {
  const sorted = sortedPresent(col.values, rows);
  if (sorted.length === 0) {
    throw new StepInputError(
      `${label}: column "${col.name}" has no value in the training rows, so there is nothing to learn from it. ` +
        'Leave it out of Columns, or drop it (Drop columns).',
    );
  }
  return sorted;
}

/** Mean of a non-empty list. */
export function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Median of a non-empty ascending list (the mean of the two middle values when the count is even), as numpy.median. */
export function median(sorted: Float64Array): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The q-th percentile (0–100) of a non-empty ascending list with linear interpolation, as numpy.percentile. */
export function percentile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const index = (n - 1) * (q / 100);
  const lo = Math.floor(index);
  if (lo + 1 >= n) return sorted[n - 1];
  const t = index - lo;
  const a = sorted[lo];
  const b = sorted[lo + 1];
  const diff = b - a;
  // numpy's _lerp: interpolate from the nearer end, so t = 1 gives b exactly.
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** The most frequent value of a non-empty ascending list; ties go to the smallest, as scikit-learn's SimpleImputer. */
export function mostFrequent(sorted: Float64Array): number {
  let best = sorted[0];
  let bestCount = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestCount) {
      best = sorted[i];
      bestCount = j - i;
    }
    i = j;
  }
  return best;
}

/** A scale of (almost) zero becomes 1, so a constant column is shifted but not blown up (scikit-learn's rule). */
export function scaleOrOne(scale: number): number {
  return scale < 10 * Number.EPSILON ? 1 : scale;
}
