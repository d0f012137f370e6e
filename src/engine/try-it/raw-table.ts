import { PipelabError } from '../../core/errors';
import { detectDateFormat } from '../../core/date-parse';
import { MISSING_CODE, categoricalColumn, makeTable, numericColumn, type Column, type Table } from '../../core/table';

/** One value as a person types it: a number, a text (for a text column), or null for an empty cell. */
export type RawValue = number | string | null;

/** A row of raw values by the data step's column name; a column left out is empty. */
export type RawRow = Readonly<Record<string, RawValue>>;

/** A feature column of the data step's output, as the try-it form asks for it. */
export interface RawColumn {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  /** Text columns: every value the data holds, in the data's order. */
  readonly categories?: readonly string[];
  /** Text columns a step reads as text (dates, turned into date parts): any text is taken, not only the data's values. */
  readonly freeText?: boolean;
}

/** Bad input in a try-it row: the message says which value and what to do. */
export class RawInputError extends PipelabError {}

/**
 * The raw rows as a table with the data step's feature columns. Text columns keep the
 * data's whole category list (so steps that read it, such as date parts, see what the
 * pipeline saw, plus any new date typed); a text not in the data (outside date columns) or a
 * text in a number column is refused with a message naming the column.
 */
export function rawTable(columns: readonly RawColumn[], rows: readonly RawRow[]): Table {
  for (const row of rows) checkNames(columns, row);
  return makeTable(columns.map((col) => (col.kind === 'numeric' ? numeric(col, rows) : categorical(col, rows))));
}

function checkNames(columns: readonly RawColumn[], row: RawRow): void {
  const known = new Set(columns.map((c) => c.name));
  const stray = Object.keys(row).find((name) => !known.has(name));
  if (stray !== undefined) {
    throw new RawInputError(`There is no input column "${stray}": the data step gives ${columns.map((c) => `"${c.name}"`).join(', ')}.`);
  }
}

function numeric(col: RawColumn, rows: readonly RawRow[]): Column {
  return numericColumn(
    col.name,
    Float64Array.from(rows, (row) => {
      const v = row[col.name] ?? null;
      if (v === null || v === '') return NaN;
      const n = typeof v === 'number' ? v : Number(v.trim());
      if (typeof v === 'string' && (v.trim() === '' || !Number.isFinite(n))) {
        throw new RawInputError(`"${col.name}" takes a number, but got the text "${v}". Type a number such as 42 or 3.5, or leave it empty.`);
      }
      if (!Number.isFinite(n)) throw new RawInputError(`"${col.name}" takes a finite number, but got ${String(n)}. Type a number such as 42 or 3.5.`);
      return n;
    }),
  );
}

function categorical(col: RawColumn, rows: readonly RawRow[]): Column {
  const categories = [...(col.categories ?? [])];
  const index = new Map(categories.map((c, i) => [c, i]));
  const codes = Int32Array.from(rows, (row) => {
    const v = row[col.name] ?? null;
    if (v === null || v === '') return MISSING_CODE;
    let code = index.get(String(v));
    if (code === undefined && col.freeText) {
      checkDate(col, String(v));
      code = categories.push(String(v)) - 1;
      index.set(String(v), code);
    }
    if (code === undefined) {
      const shown = categories.length > 12 ? `${categories.slice(0, 12).join(', ')} and ${categories.length - 12} more` : categories.join(', ');
      throw new RawInputError(`"${col.name}" has no value "${String(v)}" in the data (it has ${shown}). Pick one of those, or leave it empty.`);
    }
    return code;
  });
  return categoricalColumn(col.name, codes, categories);
}

/** A new text in a date column must read as a date in the data's own format. */
function checkDate(col: RawColumn, text: string): void {
  const known = col.categories ?? [];
  const format = detectDateFormat(known);
  const withNew = detectDateFormat([...known, text]);
  if (!format || !withNew || withNew.order !== format.order) {
    throw new RawInputError(`"${col.name}" takes a date written as in the data (such as ${known[0] ?? '2012-01-31'}), but got "${text}".`);
  }
}
