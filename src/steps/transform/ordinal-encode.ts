import { pyColumns, pyStep } from './transform-python';
import { describeStep } from '../../core/step-description';
import { MISSING_CODE, compareLabels, makeTable, numericColumn, type CategoricalColumn, type Column } from '../../core/table';
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
  transform: { python: (p, out) => pyStep(out, 'ordinal', `Ordinal(${pyColumns(p.columns)})`) },
});

/** Replaces each text column by one number column: the value's position among the sorted training categories. */
export const ordinalEncode = defineStep(ordinalEncodeDescription, {
  async run(ctx, input, params) {
    const label = 'Ordinal encoding';
    const data = requireTable(input, label);
    const rows = fitRows(input, data.table.rowCount);
    const chosen = new Set<Column>(chooseCategorical(data, params.columns, label));
    const fitted: Record<string, string[]> = {};
    const columns = data.table.columns.map((col): Column => {
      if (col.type !== 'categorical' || !chosen.has(col)) return col;
      const { categories, positions } = trainingCategories(col, rows);
      fitted[col.name] = categories;
      return numericColumn(col.name, Float64Array.from(col.codes, (c) => (c === MISSING_CODE ? NaN : positions[c])));
    });
    return { ...input, table: makeTable(columns), fitted: { ...input.fitted, [ctx.stepId]: fitted } };
  },
});

/**
 * The categories seen in the training rows, sorted, and for every code of the column its
 * position among them (NaN for a category absent from the training rows).
 */
function trainingCategories(col: CategoricalColumn, rows: ArrayLike<number>): { categories: string[]; positions: Float64Array } {
  const seen = new Set<number>();
  for (let i = 0; i < rows.length; i++) if (col.codes[rows[i]] !== MISSING_CODE) seen.add(col.codes[rows[i]]);
  const categories = [...seen].map((code) => col.categories[code]).sort(compareLabels);
  const index = new Map(categories.map((c, i) => [c, i]));
  const positions = Float64Array.from(col.categories, (c) => index.get(c) ?? NaN);
  return { categories, positions };
}
