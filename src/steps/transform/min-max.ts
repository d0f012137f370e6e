import { describeStep } from '../../core/step-description';
import { makeTable, type Column, type Table } from '../../core/table';
import { mapNumeric } from './fitted-columns';
import { defineStep } from '../step';
import { fitRows, requireTable } from '../require-input';
import { COLUMNS_PARAM, chooseNumeric } from './column-choice';
import { scaleOrOne, trainingValues } from './column-stats';

/** What the palette, forms and restore know of `minMax`: plain data, no code. */
export const minMaxDescription = describeStep({
  kind: 'transform.min-max',
  version: 1,
  category: 'transform',
  label: 'Min-max scale',
  keywords: ['MinMaxScaler', 'scaler', 'scaling', 'normalize', 'normalise', 'rescale 0 to 1'],
  help:
    'Rescales each number column so the smallest training value becomes 0 and the largest 1. ' +
    'Test rows can land a little outside [0, 1]; a constant column becomes 0. Missing values stay missing.',
  usesRandomness: false,
  fitsOnData: true,
  params: { columns: COLUMNS_PARAM },
});

/** Rescales number columns to [0, 1] by the smallest and largest training value. */
export const minMax = defineStep(minMaxDescription, {
  async run(ctx, input, params) {
    const label = 'Min-max scaling';
    const data = requireTable(input, label);
    const rows = fitRows(input, data.table.rowCount);
    const chosen = new Set(chooseNumeric(data, params.columns, label));
    const fitted: Record<string, { min: number; max: number }> = {};
    for (const col of data.table.columns) {
      if (col.type !== 'numeric' || !chosen.has(col)) continue;
      const sorted = trainingValues(col, rows, label);
      fitted[col.name] = { min: sorted[0], max: sorted[sorted.length - 1] };
    }
    return { ...input, table: makeTable(scaled(data.table, fitted)), fitted: { ...input.fitted, [ctx.stepId]: fitted } };
  },
  apply: (table, fitted: MinMaxFit) => scaled(table, fitted),
});

/** What Min-max scaling learns: each scaled column's training minimum and maximum, by name. */
export type MinMaxFit = Readonly<Record<string, { readonly min: number; readonly max: number }>>;

/** (v - min) / (max - min) for every value of the fitted columns (a constant column is only shifted). */
function scaled(table: Table, fitted: MinMaxFit): Column[] {
  return mapNumeric(table, fitted, (v, fit) => (v - fit.min) / scaleOrOne(fit.max - fit.min));
}
