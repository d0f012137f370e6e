import { describeStep } from '../../core/step-description';
import { StepInputError } from '../../core/errors';
import { makeTable, type Column } from '../../core/table';
import { defineStep } from '../step';
import { requireTable } from '../require-input';
import { requireExisting, type TableColumns } from './column-choice';

/** What the palette, forms and restore know of `dropColumns`: plain data, no code. */
export const dropColumnsDescription = describeStep({
  kind: 'transform.drop-columns',
  version: 1,
  category: 'transform',
  label: 'Drop columns',
  keywords: ['remove columns', 'delete columns', 'exclude features'],
  help: 'Removes the columns you list, for example an id column or one that gives the answer away. With an empty list it removes nothing.',
  usesRandomness: false,
  params: {
    columns: {
      type: 'columns',
      label: 'Columns',
      help: 'The columns to remove (never the target); leave empty to remove nothing.',
      default: [],
      maxLength: 500,
    },
  },
});

/** Removes the named columns; an empty list removes nothing. The target can never be dropped. */
export const dropColumns = defineStep(dropColumnsDescription, {
  async run(_ctx, input, params) {
    const label = 'Dropping columns';
    const data = requireTable(input, label);
    if (params.columns.length === 0) return input;
    return { ...input, table: makeTable(remaining(data, params.columns)) };
  },
  apply: (table, _fitted, params, target) => remaining({ table, target }, params.columns),
});

/** The columns not listed, in table order (the target may not be listed). */
function remaining(data: TableColumns, names: readonly string[]): Column[] {
  const label = 'Dropping columns';
  requireExisting(data, names, label);
  if (names.includes(data.target)) {
    throw new StepInputError(`${label}: "${data.target}" is the target column, which the models predict, so it cannot be dropped. Remove it from Columns.`);
  }
  const drop = new Set(names);
  return data.table.columns.filter((c) => !drop.has(c.name));
}
