import type { PipelineState } from '../core/state';
import { categoricalColumn, columnLength, makeTable, numericColumn, type Column, type Table } from '../core/table';

/**
 * A step's output as one table for viewing or CSV export: the data, plus a
 * `split` column (train/test), a k-fold step's `fold` column (the fold, from 1, whose
 * test set holds the row) and the model's predictions where they exist.
 */
export function outputTable(state: PipelineState): Table | null {
  if (!state.table) return null;
  const n = state.table.rowCount;
  const extra: Column[] = [...splitColumns(state, n), ...predictionColumns(state, n)];
  const taken = new Set(state.table.columns.map((c) => c.name));
  const renamed = extra.map((c) => (taken.has(c.name) ? { ...c, name: `_${c.name}` } : c));
  return makeTable([...state.table.columns, ...renamed]);
}

/**
 * The columns made from a split, folds or predictions, kept per source object: the steps after
 * a split or a model pass the same objects on, so their views share these columns (and with
 * them the statistics and cells computed for them; see ColumnSummaries).
 */
const derived = new WeakMap<object, Column[]>();

function derivedOnce(source: object, n: number, make: () => Column[]): Column[] {
  let columns = derived.get(source);
  if (!columns || columns.some((c) => columnLength(c) !== n)) derived.set(source, (columns = make()));
  return columns;
}

function splitColumns(state: PipelineState, n: number): Column[] {
  const out: Column[] = [];
  const split = state.split;
  if (split) {
    out.push(...derivedOnce(split, n, () => {
      const codes = new Int32Array(n).fill(-1);
      split.train.forEach((r) => (codes[r] = 0));
      split.test.forEach((r) => (codes[r] = 1));
      return [categoricalColumn('split', codes, ['train', 'test'])];
    }));
  }
  const folds = state.folds;
  if (folds) {
    out.push(...derivedOnce(folds, n, () => {
      const fold = new Float64Array(n);
      folds.forEach((f, i) => f.test.forEach((r) => (fold[r] = i + 1)));
      return [numericColumn('fold', fold)];
    }));
  }
  return out;
}

function predictionColumns(state: PipelineState, n: number): Column[] {
  const p = state.predictions;
  return p ? derivedOnce(p, n, () => predictionColumnsOf(p, n)) : [];
}

function predictionColumnsOf(p: NonNullable<PipelineState['predictions']>, n: number): Column[] {
  const extra: Column[] = [];
  if (p.labels && p.classes && p.probabilities) {
    extra.push(categoricalColumn('predicted', p.labels, p.classes));
    const k = p.classes.length;
    const probabilities = p.probabilities;
    p.classes.forEach((cls, j) => {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = probabilities[i * k + j];
      extra.push(numericColumn(`p(${cls})`, values));
    });
  } else if (p.values) {
    extra.push(numericColumn('predicted', p.values));
  }
  return extra;
}
