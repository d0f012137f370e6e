import { describeStep } from '../../core/step-description';
import { MISSING_CODE, makeTable, numericColumn, type Column, type Table } from '../../core/table';
import { fitOf, textAt } from './fitted-columns';
import { defineStep } from '../step';
import { fitRows, requireTable } from '../require-input';

/** What the palette, forms and restore know of `oneHot`: plain data, no code. */
export const oneHotDescription = describeStep({
  kind: 'transform.one-hot',
  version: 1,
  category: 'transform',
  shortId: 'encode',
  label: 'One-hot encode',
  keywords: ['OneHotEncoder', 'one-hot', 'dummies', 'get_dummies', 'dummy variables', 'categorical'],
  help: 'Replaces each text column (such as island) with one 0/1 column per value, so a model can use it. Values unseen in training become all zeros.',
  usesRandomness: false,
  needs: ['labels'],
  fitsOnData: true,
  params: {},
});

/** Turns every categorical feature into one 0/1 column per category seen in the training rows. */
export const oneHot = defineStep(oneHotDescription, {
  async run(ctx, input) {
    const data = requireTable(input, 'One-hot encoding');
    const rows = fitRows(input, data.table.rowCount);
    const fitted: Record<string, string[]> = {};
    for (const col of data.table.columns) {
      if (col.type !== 'categorical' || col.name === data.target) continue;
      const seen = new Set<number>();
      for (let i = 0; i < rows.length; i++) if (col.codes[rows[i]] !== MISSING_CODE) seen.add(col.codes[rows[i]]);
      fitted[col.name] = [...seen].sort((a, b) => a - b).map((code) => col.categories[code]);
    }
    return { ...input, table: makeTable(encoded(data.table, fitted)), fitted: { ...input.fitted, [ctx.stepId]: fitted } };
  },
  apply: (table, fitted: OneHotFit) => encoded(table, fitted),
  applyNotes: (table, fitted: OneHotFit) => unseenLabels(table, fitted),
});

/** What One-hot encode learns: each encoded column's labels seen in the training rows, in their order. */
export type OneHotFit = Readonly<Record<string, readonly string[]>>;

/** Each fitted text column becomes one 0/1 column per fitted label, in its place; other labels and gaps give all zeros. */
function encoded(table: Table, fitted: OneHotFit): Column[] {
  return table.columns.flatMap((col): Column[] => {
    const labels = fitOf(fitted, col.name);
    if (col.type !== 'categorical' || !labels) return [col];
    return labels.map((label) => {
      const code = col.categories.indexOf(label);
      return numericColumn(`${col.name}=${label}`, Float64Array.from(col.codes, (c) => (c === code && c !== MISSING_CODE ? 1 : 0)));
    });
  });
}

/** A note for each label of the rows that the training rows never had (it gets all zeros). */
function unseenLabels(table: Table, fitted: OneHotFit): string[] {
  const notes: string[] = [];
  for (const col of table.columns) {
    const labels = fitOf(fitted, col.name);
    if (col.type !== 'categorical' || !labels) continue;
    for (let r = 0; r < col.codes.length; r++) {
      const text = textAt(col, r);
      const note = `"${text}" in "${col.name}" never occurs in the training rows: One-hot encode gives it all zeros, as it does for such test rows.`;
      if (text !== null && !labels.includes(text) && !notes.includes(note)) notes.push(note);
    }
  }
  return notes;
}
