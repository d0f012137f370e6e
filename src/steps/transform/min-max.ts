import { pyColumns, pyReplace } from './transform-python';
import { describeStep } from '../../core/step-description';
import { makeTable, numericColumn, type Column } from '../../core/table';
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
  transform: { python: (p, out) => ({ steps: [pyReplace(out, 'MinMaxScaler()', 'sklearn.preprocessing:MinMaxScaler', pyColumns(p.columns))] }) },
});

/** Rescales number columns to [0, 1] by the smallest and largest training value. */
export const minMax = defineStep(minMaxDescription, {
  async run(ctx, input, params) {
    const label = 'Min-max scaling';
    const data = requireTable(input, label);
    const rows = fitRows(input, data.table.rowCount);
    const chosen = new Set(chooseNumeric(data, params.columns, label));
    const fitted: Record<string, { min: number; max: number }> = {};
    const columns = data.table.columns.map((col): Column => {
      if (col.type !== 'numeric' || !chosen.has(col)) return col;
      const sorted = trainingValues(col, rows, label);
      const min = sorted[0];
      const max = sorted[sorted.length - 1];
      const range = scaleOrOne(max - min);
      fitted[col.name] = { min, max };
      return numericColumn(col.name, col.values.map((v) => (v - min) / range));
    });
    return { ...input, table: makeTable(columns), fitted: { ...input.fitted, [ctx.stepId]: fitted } };
  },
});
