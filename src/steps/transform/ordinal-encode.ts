import { describeStep } from '../../core/step-description';
import { MISSING_CODE, compareLabels, makeTable, numericColumn, type CategoricalColumn, type Column, type Table } from '../../core/table';
import { fitOf } from './fitted-columns';
import { defineStep } from '../step';
import { fitRows, requireTable } from '../require-input';
import { COLUMNS_PARAM, chooseCategorical } from './column-choice';

/** What the palette, forms and restore know of `ordinalEncode`: plain data, no code. */
export const ordinalEncodeDescription = describeStep({
  kind: 'transform.ordinal-encode',
  version: 1,
  category: 'transform',
  label: 'Ordinal encode',
  keywords: ['OrdinalEncoder', 'label encoding', 'LabelEncoder', 'categorical', 'integer codes'],
  help:
    'Turns each text column into a single number column: the value\'s position (0, 1, 2, …) in the sorted list of values seen in the training rows. ' +
    'Compact, but it implies an order; values unseen in training and missing values become empty.',
  usesRandomness: false,
  needs: ['labels'],
  fitsOnData: true,
  params: { columns: COLUMNS_PARAM },
});

/** Replaces each text column by one number column: the value's position among the sorted training categories. */
export const ordinalEncode = defineStep(ordinalEncodeDescription, {
  async run(ctx, input, params) {
    const label = 'Ordinal encoding';
    const data = requireTable(input, label);
    const rows = fitRows(input, data.table.rowCount);
    const chosen = new Set<Column>(chooseCategorical(data, params.columns, label));
    const fitted: Record<string, string[]> = {};
    for (const col of data.table.columns) if (col.type === 'categorical' && chosen.has(col)) fitted[col.name] = trainingCategories(col, rows);
    return { ...input, table: makeTable(encoded(data.table, fitted)), fitted: { ...input.fitted, [ctx.stepId]: fitted } };
  },
  apply: (table, fitted: OrdinalFit) => encoded(table, fitted),
});

/** What Ordinal encode learns: each encoded column's labels seen in the training rows, sorted. */
export type OrdinalFit = Readonly<Record<string, readonly string[]>>;

/** The categories seen in the training rows, sorted. */
function trainingCategories(col: CategoricalColumn, rows: ArrayLike<number>): string[] {
  const seen = new Set<number>();
  for (let i = 0; i < rows.length; i++) if (col.codes[rows[i]] !== MISSING_CODE) seen.add(col.codes[rows[i]]);
  return [...seen].map((code) => col.categories[code]).sort(compareLabels);
}

/** Each fitted text column becomes its labels' positions among the fitted ones (NaN for a gap or a label they lack). */
function encoded(table: Table, fitted: OrdinalFit): Column[] {
  return table.columns.map((col): Column => {
    const labels = fitOf(fitted, col.name);
    if (col.type !== 'categorical' || !labels) return col;
    const index = new Map(labels.map((c, i) => [c, i]));
    const positions = Float64Array.from(col.categories, (c) => index.get(c) ?? NaN);
    return numericColumn(col.name, Float64Array.from(col.codes, (c) => (c === MISSING_CODE ? NaN : positions[c])));
  });
}
