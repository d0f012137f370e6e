import type { PipelineState } from '../core/state';
import { categoricalColumn, makeTable, numericColumn, type Column, type Table } from '../core/table';

/**
 * A step's output as one table for viewing or CSV export: the data, plus a
 * `split` column (train/test), a k-fold step's `fold` column (the fold, from 1, whose
 * test set holds the row) and the model's predictions where they exist.
 */
export function outputTable(state: PipelineState): Table | null {
  if (!state.table) return null;
  const extra: Column[] = [];
  const n = state.table.rowCount;
  if (state.split) {
    const codes = new Int32Array(n).fill(-1);
    state.split.train.forEach((r) => (codes[r] = 0));
    state.split.test.forEach((r) => (codes[r] = 1));
    extra.push(categoricalColumn('split', codes, ['train', 'test']));
  }
  if (state.folds) {
    const fold = new Float64Array(n);
    state.folds.forEach((f, i) => f.test.forEach((r) => (fold[r] = i + 1)));
    extra.push(numericColumn('fold', fold));
  }
  const p = state.predictions;
  if (p?.labels && p.classes && p.probabilities) {
    extra.push(categoricalColumn('predicted', p.labels, p.classes));
    const k = p.classes.length;
    const probabilities = p.probabilities;
    p.classes.forEach((cls, j) => {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = probabilities[i * k + j];
      extra.push(numericColumn(`p(${cls})`, values));
    });
  } else if (p?.values) {
    extra.push(numericColumn('predicted', p.values));
  }
  const taken = new Set(state.table.columns.map((c) => c.name));
  const renamed = extra.map((c) => (taken.has(c.name) ? { ...c, name: `_${c.name}` } : c));
  return makeTable([...state.table.columns, ...renamed]);
}
