import { describeStep } from '../../core/step-description';
import { isMissing, takeRows, type Table } from '../../core/table';
import type { Split } from '../../core/state';
import { StepInputError } from '../../core/errors';
import { defineStep } from '../step';
import { requireTable } from '../require-input';

/** What the palette, forms and restore know of `dropMissing`: plain data, no code. */
export const dropMissingDescription = describeStep({
  kind: 'transform.drop-missing',
  version: 1,
  category: 'transform',
  shortId: 'clean',
  label: 'Drop rows with missing values',
  keywords: ['dropna', 'NaN', 'null', 'missing values'],
  help: 'Removes every row with an empty cell. Simple, but it throws data away; fine when few rows are affected.',
  usesRandomness: false,
  needs: ['gaps'],
  params: {},
});

/** Removes every row that has a missing value in any column. */
export const dropMissing = defineStep(dropMissingDescription, {
  async run(ctx, input) {
    const data = requireTable(input, 'Dropping missing rows');
    const { table } = data;
    const keep = completeRows(table);
    if (keep.length === 0) throw new StepInputError('Every row has a missing value, so no row would be left.');
    const split = input.split ? remapSplit(input.split, keep, table.rowCount) : null;
    const dropped = table.rowCount - keep.length;
    return { ...input, table: takeRows(table, keep), split, fitted: { ...input.fitted, [ctx.stepId]: { dropped } } };
  },
  apply: (table) => takeRows(table, completeRows(table)).columns,
  keptRows: (table) => completeRows(table),
});

/** The rows without an empty cell, in order. */
function completeRows(table: Table): number[] {
  const keep: number[] = [];
  for (let r = 0; r < table.rowCount; r++) if (!table.columns.some((c) => isMissing(c, r))) keep.push(r);
  return keep;
}

/** Rewrites split indices after rows were removed; `keep` lists surviving old row numbers in order. */
function remapSplit(split: Split, keep: number[], oldCount: number): Split {
  const newIndex = new Int32Array(oldCount).fill(-1);
  keep.forEach((old, i) => (newIndex[old] = i));
  const map = (rows: Int32Array) => Int32Array.from([...rows].map((r) => newIndex[r]).filter((r) => r >= 0));
  return { train: map(split.train), test: map(split.test) };
}
