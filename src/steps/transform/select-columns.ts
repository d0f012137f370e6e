import { describeStep } from '../../core/step-description';
import { makeTable, type Column } from '../../core/table';
import { defineStep } from '../step';
import { requireTable } from '../require-input';
import { requireExisting, type TableColumns } from './column-choice';

/** What the palette, forms and restore know of `selectColumns`: plain data, no code. */
export const selectColumnsDescription = describeStep({
  kind: 'transform.select-columns',
  version: 1,
  category: 'transform',
  label: 'Keep columns',
  keywords: ['select columns', 'choose features', 'feature subset'],
  help: 'Keeps only the columns you list, plus the target; the others are removed. With an empty list it keeps every column.',
  usesRandomness: false,
  params: {
    columns: {
      type: 'columns',
      label: 'Columns',
      help: 'The columns to keep (the target is always kept); leave empty to keep every column.',
      default: [],
      maxLength: 500,
    },
  },
});

/** Keeps only the named columns (and the target); an empty list keeps every column. */
export const selectColumns = defineStep(selectColumnsDescription, {
  async run(_ctx, input, params) {
    const label = 'Keeping columns';
    const data = requireTable(input, label);
    if (params.columns.length === 0) return input;
    return { ...input, table: makeTable(kept(data, params.columns)) };
  },
  apply: (table, _fitted, params, target) => kept({ table, target }, params.columns),
});

/** The listed columns and the target, in table order (every column when none are listed). */
function kept(data: TableColumns, names: readonly string[]): Column[] {
  if (names.length === 0) return [...data.table.columns];
  requireExisting(data, names, 'Keeping columns');
  const keep = new Set([...names, data.target]);
  return data.table.columns.filter((c) => keep.has(c.name));
}
