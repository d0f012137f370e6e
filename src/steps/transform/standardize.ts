import { describeStep } from '../../core/step-description';
import { makeTable, type Column, type Table } from '../../core/table';
import { mapNumeric } from './fitted-columns';
import { defineStep } from '../step';
import { fitRows, requireTable } from '../require-input';

/** What the palette, forms and restore know of `standardize`: plain data, no code. */
export const standardizeDescription = describeStep({
  kind: 'transform.standardize',
  version: 1,
  category: 'transform',
  shortId: 'scale',
  label: 'Standardize',
  keywords: ['StandardScaler', 'scaler', 'scaling', 'z-score', 'normalize', 'normalise'],
  help: 'Shifts and scales each numeric column to mean 0 and spread 1, using the training rows only; most models train better on scaled data.',
  usesRandomness: false,
  fitsOnData: true,
  params: {},
});

/** Rescales every numeric feature to mean 0 and standard deviation 1, fitted on the training rows. */
export const standardize = defineStep(standardizeDescription, {
  async run(ctx, input) {
    const data = requireTable(input, 'Standardize');
    const rows = fitRows(input, data.table.rowCount);
    const fitted: Record<string, { mean: number; scale: number }> = {};
    for (const col of data.table.columns) if (col.type === 'numeric' && col.name !== data.target) fitted[col.name] = meanAndScale(col.values, rows);
    return { ...input, table: makeTable(standardized(data.table, fitted)), fitted: { ...input.fitted, [ctx.stepId]: fitted } };
  },
  apply: (table, fitted: StandardizeFit) => standardized(table, fitted),
});

/** What Standardize learns: each scaled column's mean and scale, by name. */
export type StandardizeFit = Readonly<Record<string, { readonly mean: number; readonly scale: number }>>;

/** (v - mean) / scale for every value of the fitted columns (the run's output, and new rows'). */
function standardized(table: Table, fitted: StandardizeFit): Column[] {
  return mapNumeric(table, fitted, (v, fit) => (v - fit.mean) / fit.scale);
}

/** Mean and population standard deviation over the given rows, ignoring missing values (scale 1 when constant). */
export function meanAndScale(values: Float64Array, rows: ArrayLike<number>): { mean: number; scale: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (!Number.isNaN(v)) {
      sum += v;
      n++;
    }
  }
  const mean = n ? sum / n : 0;
  let sq = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (!Number.isNaN(v)) sq += (v - mean) * (v - mean);
  }
  const std = n ? Math.sqrt(sq / n) : 0;
  return { mean, scale: std > 0 ? std : 1 };
}
