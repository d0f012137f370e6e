import { MISSING_CODE, type Column } from './table';

/** Summary statistics of one column, as the data view shows them. */
export type ColumnStats =
  | {
      readonly name: string;
      readonly type: 'numeric';
      readonly count: number;
      readonly missing: number;
      readonly mean: number;
      readonly std: number;
      readonly min: number;
      readonly max: number;
    }
  | {
      readonly name: string;
      readonly type: 'categorical';
      readonly count: number;
      readonly missing: number;
      /** Categories with their counts, most frequent first. */
      readonly top: readonly { readonly value: string; readonly count: number }[];
    };

/** Count, missing values and either mean/std/min/max or category counts of a column. */
export function columnStats(col: Column): ColumnStats {
  if (col.type === 'categorical') {
    const counts = new Array<number>(col.categories.length).fill(0);
    let missing = 0;
    for (const c of col.codes) {
      if (c === MISSING_CODE) missing++;
      else counts[c]++;
    }
    const top = col.categories.map((value, i) => ({ value, count: counts[i] })).sort((a, b) => b.count - a.count);
    return { name: col.name, type: 'categorical', count: col.codes.length - missing, missing, top };
  }
  const values = col.values;
  const { missing, min, max, mean } = numberSummary(values);
  const n = values.length - missing;
  let sq = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - mean;
    if (d === d) sq += d * d;
  }
  return { name: col.name, type: 'numeric', count: n, missing, mean, std: n ? Math.sqrt(sq / n) : NaN, min, max };
}

/** columnStats of every column summarised so far, by column object (held weakly: a column goes when its table goes). */
const statsKept = new WeakMap<Column, ColumnStats>();

/**
 * columnStats, computed once per column object: columns never change, and the import
 * preview, the run that follows it and each run's data views summarise the same columns.
 */
export function keptColumnStats(col: Column): ColumnStats {
  let stats = statsKept.get(col);
  if (!stats) statsKept.set(col, (stats = columnStats(col)));
  return stats;
}

/** Missing values, min, max and mean of a numeric column in one pass (NaN where none is present). */
export function numberSummary(values: Float64Array): { missing: number; min: number; max: number; mean: number } {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue; // NaN: missing
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return n ? { missing: values.length - n, min, max, mean: sum / n } : { missing: values.length, min: NaN, max: NaN, mean: NaN };
}
