import { StepInputError } from '../../core/errors';
import type { ColumnsParam } from '../../core/params';
import { findColumn, type CategoricalColumn, type Column, type NumericColumn } from '../../core/table';
import type { TableInput } from '../require-input';

/** The part of a step's input that choosing columns reads (a try-it table has no task). */
export type TableColumns = Pick<TableInput, 'table' | 'target'>;

/** The `columns` param shared by the column-wise transforms: empty means every suitable column. */
export const COLUMNS_PARAM: ColumnsParam = {
  type: 'columns',
  label: 'Columns',
  help: 'Which columns it applies to; leave empty for every suitable column.',
  default: [],
  maxLength: 500,
};

/** The kind of column a transform works on. */
export type ColumnKind = 'numeric' | 'categorical';

const KIND_WORDS: Record<ColumnKind, string> = { numeric: 'number', categorical: 'text (category)' };

/**
 * The columns a transform applies to, in table order: the named ones when `names` is not
 * empty (each checked to exist, not to be the target and to be of an accepted kind), else
 * every column of an accepted kind except the target.
 */
export function chooseColumns(data: TableColumns, names: readonly string[], kinds: readonly ColumnKind[], label: string): Column[] {
  if (names.length === 0) return data.table.columns.filter((c) => c.name !== data.target && kinds.includes(c.type));
  for (const name of names) {
    const col = findColumn(data.table, name);
    if (!col) throw new StepInputError(`${label}: there is no column "${name}" (${columnList(data)}). Fix the Columns list.`);
    if (name === data.target) {
      throw new StepInputError(`${label}: "${name}" is the target column, which transforms never change. Remove it from Columns.`);
    }
    if (!kinds.includes(col.type)) throw new StepInputError(wrongKind(label, col, kinds));
  }
  const wanted = new Set(names);
  return data.table.columns.filter((c) => wanted.has(c.name));
}

/** `chooseColumns` for transforms of number columns only. */
export function chooseNumeric(data: TableColumns, names: readonly string[], label: string): NumericColumn[] {
  return chooseColumns(data, names, ['numeric'], label) as NumericColumn[];
}

/** `chooseColumns` for transforms of text (categorical) columns only. */
export function chooseCategorical(data: TableColumns, names: readonly string[], label: string): CategoricalColumn[] {
  return chooseColumns(data, names, ['categorical'], label) as CategoricalColumn[];
}

/** Checks that every name in `names` is a column of the table; throws a StepInputError naming the first that is not. */
export function requireExisting(data: TableColumns, names: readonly string[], label: string): void {
  const missing = names.find((name) => !findColumn(data.table, name));
  if (missing !== undefined) {
    throw new StepInputError(`${label}: there is no column "${missing}" (${columnList(data)}). Fix the Columns list.`);
  }
}

/** Throws a StepInputError when a column to be added already exists (and is not being replaced). */
export function checkNewNames(existing: readonly Column[], added: readonly string[], replaced: ReadonlySet<string>, label: string): void {
  const taken = new Set(existing.filter((c) => !replaced.has(c.name)).map((c) => c.name));
  const clash = added.find((name) => taken.has(name));
  if (clash !== undefined) {
    throw new StepInputError(`${label} would add a column "${clash}", but the table already has one. Rename or drop that column first.`);
  }
}

function wrongKind(label: string, col: Column, kinds: readonly ColumnKind[]): string {
  const wanted = kinds.map((k) => KIND_WORDS[k]).join(' or ');
  const fix = col.type === 'categorical' ? ', or turn it into numbers first (One-hot or Ordinal encode)' : '';
  return `${label} works on ${wanted} columns, but "${col.name}" holds ${KIND_WORDS[col.type]} values. Remove it from Columns${fix}.`;
}

function columnList(data: TableColumns): string {
  const names = data.table.columns.map((c) => `"${c.name}"`);
  const shown = names.length > 12 ? [...names.slice(0, 12), `and ${names.length - 12} more`] : names;
  return `the table has ${shown.join(', ')}`;
}
