// Reading the scikit-learn fixtures (tests/fixtures/sklearn/*.json) and comparing pipelab's live
// results with them. Tolerances are relative: a difference counts against the size of what is
// compared (the largest |value| of an array, the sum of |values| behind a column sum).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** Float64 agreement required of everything with a closed form (transforms, metrics, kNN, naive Bayes, least squares). */
export const EXACT = 1e-9;
/** Largest gap in test accuracy (R² for regression) allowed to a model trained with randomness, gradient descent or ties. */
export const SCORE_GAP = 0.02;

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/sklearn');

/** The cases of one fixture file, by id. */
export function fixture<T>(file: 'models.json' | 'transforms.json' | 'metrics.json'): Record<string, T> {
  const parsed = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as { cases: Record<string, T> };
  return parsed.cases;
}

/** scikit-learn's fingerprint of a matrix: per column the sum, the row-weighted sum (row i counts i + 1) and the missing count; three whole rows. */
export interface Digest {
  readonly sum: (number | null)[];
  readonly weighted: (number | null)[];
  readonly missing: number[];
  readonly sampleRows: number[];
  readonly sample: (number | null)[][];
}

/** Largest normwise relative difference of two arrays: max |a − b| over max |b| (exact equality when both are 0). */
export function relativeDiff(ours: ArrayLike<number>, theirs: readonly (number | null)[]): number {
  expect(ours.length, 'array length').toBe(theirs.length);
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < ours.length; i++) {
    const t = theirs[i];
    if (t === null) {
      expect(Number.isNaN(ours[i]), `entry ${i} is missing in scikit-learn but ${ours[i]} in pipelab`).toBe(true);
      continue;
    }
    scale = Math.max(scale, Math.abs(t));
    worst = Math.max(worst, Math.abs(ours[i] - t));
  }
  return worst === 0 ? 0 : worst / Math.max(scale, Number.MIN_VALUE);
}

/**
 * Compares pipelab's matrix (one array per column) with scikit-learn's digest of the same matrix and
 * returns the largest relative difference: each column's sum against the sum of its |values|, its
 * row-weighted sum likewise, each sampled value against the column's largest |value|. Missing counts must be equal.
 */
export function digestDiff(columns: readonly ArrayLike<number>[], d: Digest): number {
  expect(columns.length, 'column count').toBe(d.sum.length);
  let worst = 0;
  columns.forEach((col, j) => {
    let sum = 0, abs = 0, weighted = 0, weightedAbs = 0, largest = 0, missing = 0;
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      if (Number.isNaN(v)) {
        missing++;
        continue;
      }
      sum += v;
      abs += Math.abs(v);
      weighted += (i + 1) * v;
      weightedAbs += (i + 1) * Math.abs(v);
      largest = Math.max(largest, Math.abs(v));
    }
    expect(missing, `missing values in column ${j}`).toBe(d.missing[j]);
    const rel = (a: number, b: number | null, scale: number) => (a === (b ?? 0) ? 0 : Math.abs(a - (b ?? 0)) / Math.max(scale, Number.MIN_VALUE));
    worst = Math.max(worst, rel(sum, d.sum[j], abs), rel(weighted, d.weighted[j], weightedAbs));
    d.sampleRows.forEach((r, s) => {
      const t = d.sample[s][j];
      if (t === null) expect(Number.isNaN(col[r]), `row ${r} of column ${j} is missing in scikit-learn`).toBe(true);
      else worst = Math.max(worst, rel(col[r], t, largest));
    });
  });
  return worst;
}

/** Splits a row-major matrix into its columns. */
export function columnsOf(values: ArrayLike<number>, width: number): Float64Array[] {
  const rows = values.length / width;
  return Array.from({ length: width }, (_, j) => Float64Array.from({ length: rows }, (_, i) => values[i * width + j]));
}

/** Measured numbers of a test file, printed as one table when it ends (they go into the report and README). */
export const measured: Record<string, unknown>[] = [];
