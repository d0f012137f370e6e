import { describeStep } from '../../core/step-description';
import { makeTable, type Column, type Table } from '../../core/table';
import { mapNumeric } from './fitted-columns';
import { defineStep } from '../step';
import { fitRows, requireTable } from '../require-input';
import { COLUMNS_PARAM, chooseNumeric } from './column-choice';
import { median, percentile, scaleOrOne, trainingValues } from './column-stats';

/** What robust scaling learned about one column. */
export interface RobustFit {
  readonly median: number;
  readonly q25: number;
  readonly q75: number;
  /** The divisor: q75 − q25, or 1 when that is (almost) zero. */
  readonly scale: number;
}

/** What the palette, forms and restore know of `robustScale`: plain data, no code. */
export const robustScaleDescription = describeStep({
  kind: 'transform.robust-scale',
  version: 1,
  category: 'transform',
  label: 'Robust scale',
  keywords: ['RobustScaler', 'scaler', 'scaling', 'median', 'interquartile range', 'outliers'],
  help:
    'Subtracts each number column\'s training median and divides by the spread of its middle half (75th minus 25th percentile). ' +
    'Unlike standardizing, a few extreme values barely change it. A column with no spread is only shifted.',
  usesRandomness: false,
  fitsOnData: true,
  params: { columns: COLUMNS_PARAM },

});

/** Centres number columns on the training median and divides by the interquartile range (scikit-learn's RobustScaler). */
export const robustScale = defineStep(robustScaleDescription, {
  async run(ctx, input, params) {
    const label = 'Robust scaling';
    const data = requireTable(input, label);
    const rows = fitRows(input, data.table.rowCount);
    const chosen = new Set(chooseNumeric(data, params.columns, label));
    const fitted: Record<string, RobustFit> = {};
    for (const col of data.table.columns) if (col.type === 'numeric' && chosen.has(col)) fitted[col.name] = robustFit(trainingValues(col, rows, label));
    return { ...input, table: makeTable(robustScaled(data.table, fitted)), fitted: { ...input.fitted, [ctx.stepId]: fitted } };
  },
  apply: (table, fitted: Readonly<Record<string, RobustFit>>) => robustScaled(table, fitted),
});

/** (v - median) / scale for every value of the fitted columns (the run's output, and new rows'). */
function robustScaled(table: Table, fitted: Readonly<Record<string, RobustFit>>): Column[] {
  return mapNumeric(table, fitted, (v, fit) => (v - fit.median) / fit.scale);
}

/** Median, quartiles (numpy's linear interpolation) and divisor of a non-empty ascending list. */
export function robustFit(sorted: Float64Array): RobustFit {
  const q25 = percentile(sorted, 25);
  const q75 = percentile(sorted, 75);
  return { median: median(sorted), q25, q75, scale: scaleOrOne(q75 - q25) };
}
