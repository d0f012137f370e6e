import { describeStep } from '../../core/step-description';
import { StepInputError } from '../../core/errors';
import { MISSING_CODE, categoricalColumn, compareLabels, makeTable, numericColumn, type CategoricalColumn, type Column, type NumericColumn, type Table } from '../../core/table';
import { fitOf } from './fitted-columns';
import { defineStep } from '../step';
import { fitRows, requireTable } from '../require-input';
import { COLUMNS_PARAM, chooseColumns } from './column-choice';
import { mean, median, mostFrequent, sortedPresent } from './column-stats';

/** The category a text column's empty cells get with the constant strategy. */
export const MISSING_CATEGORY = 'missing';

/** How one column was filled: the strategy used there and the value it learned. */
export interface ImputeFit {
  readonly strategy: string;
  readonly fill: number | string;
}

const LABEL = 'Filling in missing values';

/** What the palette, forms and restore know of `impute`: plain data, no code. */
export const imputeDescription = describeStep({
  kind: 'transform.impute',
  version: 1,
  category: 'transform',
  label: 'Fill in missing values',
  keywords: ['SimpleImputer', 'impute', 'imputation', 'fillna', 'NaN', 'missing values'],
  help:
    'Fills each empty cell with a value learned from the training rows: the column\'s mean, median or most frequent value, or a constant. ' +
    'Keeps every row, unlike dropping rows with missing values.',
  usesRandomness: false,
  needs: ['gaps'],
  fitsOnData: true,
  params: {
    strategy: {
      type: 'choice',
      label: 'Fill with',
      help: 'Text columns use the most frequent value when mean or median is chosen, and the category "missing" with constant. Ties go to the smallest value.',
      default: 'mean',
      options: [
        { value: 'mean', label: 'Mean' },
        { value: 'median', label: 'Median' },
        { value: 'most_frequent', label: 'Most frequent value' },
        { value: 'constant', label: 'Constant' },
      ],
    },
    fillValue: {
      type: 'number',
      label: 'Constant',
      help: 'The number the constant strategy puts into empty cells of number columns.',
      default: 0,
      min: -1e9,
      max: 1e9,
    },
    columns: COLUMNS_PARAM,
  },

});

/** Fills empty cells with a value learned from the training rows (scikit-learn's SimpleImputer). */
export const impute = defineStep(imputeDescription, {
  async run(ctx, input, params) {
    const data = requireTable(input, LABEL);
    const rows = fitRows(input, data.table.rowCount);
    const chosen = new Set(chooseColumns(data, params.columns, ['numeric', 'categorical'], LABEL));
    const fitted: Record<string, ImputeFit> = {};
    for (const col of data.table.columns) {
      if (!chosen.has(col)) continue;
      fitted[col.name] = col.type === 'numeric' ? numericFit(col, rows, params.strategy, params.fillValue) : categoricalFit(col, rows, params.strategy);
    }
    return { ...input, table: makeTable(filled(data.table, fitted)), fitted: { ...input.fitted, [ctx.stepId]: fitted } };
  },
  apply: (table, fitted: Readonly<Record<string, ImputeFit>>) => filled(table, fitted),
});

/** The fitted columns with their empty cells filled (the run's output, and new rows'). */
function filled(table: Table, fitted: Readonly<Record<string, ImputeFit>>): Column[] {
  return table.columns.map((col): Column => {
    const fit = fitOf(fitted, col.name);
    if (!fit) return col;
    if (col.type === 'numeric') return numericColumn(col.name, col.values.map((v) => (Number.isNaN(v) ? (fit.fill as number) : v)));
    return fillCategorical(col, String(fit.fill), fit.strategy === 'constant');
  });
}

function numericFit(col: NumericColumn, rows: ArrayLike<number>, strategy: string, fillValue: number): ImputeFit {
  if (strategy === 'constant') return { strategy, fill: fillValue };
  const sorted = sortedPresent(col.values, rows);
  if (sorted.length === 0) throw noTrainingValues(col.name);
  return { strategy, fill: strategy === 'mean' ? mean(sorted) : strategy === 'median' ? median(sorted) : mostFrequent(sorted) };
}

function categoricalFit(col: CategoricalColumn, rows: ArrayLike<number>, strategy: string): ImputeFit {
  if (strategy === 'constant') return { strategy, fill: MISSING_CATEGORY };
  return { strategy: 'most_frequent', fill: col.categories[mostFrequentCode(col, rows)] };
}

/** A text column with its gaps filled: a constant joins the labels in label order; a learned label is added at the end when the column lacks it. */
function fillCategorical(col: CategoricalColumn, fill: string, constant: boolean): CategoricalColumn {
  if (constant) {
    const categories = col.categories.includes(fill) ? [...col.categories] : [...col.categories, fill];
    categories.sort(compareLabels);
    const index = new Map(categories.map((c, i) => [c, i]));
    const fillCode = index.get(fill) as number;
    const codes = Int32Array.from(col.codes, (c) => (c === MISSING_CODE ? fillCode : (index.get(col.categories[c]) as number)));
    return categoricalColumn(col.name, codes, categories);
  }
  const categories = col.categories.includes(fill) ? col.categories : [...col.categories, fill];
  const fillCode = categories.indexOf(fill);
  return categoricalColumn(col.name, Int32Array.from(col.codes, (c) => (c === MISSING_CODE ? fillCode : c)), categories);
}

/** The code of the most frequent category in the training rows; ties go to the first in sorted label order. */
function mostFrequentCode(col: CategoricalColumn, rows: ArrayLike<number>): number {
  const counts = new Float64Array(col.categories.length);
  for (let i = 0; i < rows.length; i++) if (col.codes[rows[i]] !== MISSING_CODE) counts[col.codes[rows[i]]]++;
  let best = -1;
  counts.forEach((count, code) => {
    if (count === 0) return;
    const better = best < 0 || count > counts[best] || (count === counts[best] && compareLabels(col.categories[code], col.categories[best]) < 0);
    if (better) best = code;
  });
  if (best < 0) throw noTrainingValues(col.name);
  return best;
}

function noTrainingValues(name: string): StepInputError {
  return new StepInputError(
    `${LABEL}: column "${name}" has no value in the training rows, so there is nothing to learn a fill value from. ` +
      'Choose the constant strategy, or leave the column out of Columns.',
  );
}
