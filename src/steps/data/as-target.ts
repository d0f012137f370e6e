import { StepInputError } from '../../core/errors';
import { cellText, encodeCategorical, getColumn, makeTable, type Column, type Table } from '../../core/table';
import type { Task } from '../../core/state';

/**
 * Makes `target` fit the task: a categorical column for classification (numbers
 * become labels), a numeric column for regression. Returns the updated table.
 */
export function prepareTarget(table: Table, target: string, task: Task): Table {
  const col = getColumn(table, target);
  let fixed: Column = col;
  if (task === 'classification' && col.type === 'numeric') {
    const labels = Array.from({ length: table.rowCount }, (_, i) => {
      const text = cellText(col, i);
      return text === '' ? null : text;
    });
    fixed = encodeCategorical(col.name, labels);
  } else if (task === 'regression' && col.type === 'categorical') {
    throw new StepInputError(`The target "${target}" holds labels, but a regression target must be numeric.`);
  }
  return makeTable(table.columns.map((c) => (c === col ? fixed : c)));
}
