/**
 * The columnar table that flows through a pipeline. Numeric columns hold
 * Float64Array values with NaN marking a missing value; categorical columns hold
 * Int32Array codes into `categories`, with -1 marking a missing value.
 */
export interface NumericColumn {
  readonly name: string;
  readonly type: 'numeric';
  readonly values: Float64Array;
}

/** A column of labels stored as integer codes into a list of categories (-1 = missing). */
export interface CategoricalColumn {
  readonly name: string;
  readonly type: 'categorical';
  readonly codes: Int32Array;
  readonly categories: readonly string[];
}

/** Either kind of column. */
export type Column = NumericColumn | CategoricalColumn;

/** A set of equally long named columns. */
export interface Table {
  readonly rowCount: number;
  readonly columns: readonly Column[];
}

/** Code that marks a missing categorical value. */
export const MISSING_CODE = -1;

/** Builds a numeric column. */
export function numericColumn(name: string, values: Float64Array): NumericColumn {
  return { name, type: 'numeric', values };
}

/** Builds a categorical column. */
export function categoricalColumn(name: string, codes: Int32Array, categories: readonly string[]): CategoricalColumn {
  return { name, type: 'categorical', codes, categories };
}

/** Builds a table, checking that every column has the same length and a unique name. */
export function makeTable(columns: readonly Column[]): Table {
  const rowCount = columns.length ? columnLength(columns[0]) : 0;
  const seen = new Set<string>();
  for (const col of columns) {
    if (columnLength(col) !== rowCount) {
      throw new Error(`Column "${col.name}" has ${columnLength(col)} rows, expected ${rowCount}`);
    }
    if (seen.has(col.name)) throw new Error(`Column name "${col.name}" appears twice`);
    seen.add(col.name);
  }
  return { rowCount, columns };
}

/** Number of rows of one column. */
export function columnLength(col: Column): number {
  return col.type === 'numeric' ? col.values.length : col.codes.length;
}

/** Whether the value at `row` is missing. */
export function isMissing(col: Column, row: number): boolean {
  return col.type === 'numeric' ? Number.isNaN(col.values[row]) : col.codes[row] === MISSING_CODE;
}

/** Number of missing values in a column. */
export function missingCount(col: Column): number {
  let n = 0;
  for (let i = 0; i < columnLength(col); i++) if (isMissing(col, i)) n++;
  return n;
}

/** The column called `name`, or undefined. */
export function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

/** The column called `name`; throws naming the columns that do exist. */
export function getColumn(table: Table, name: string): Column {
  const col = findColumn(table, name);
  if (!col) throw new Error(`No column "${name}"; the table has ${table.columns.map((c) => c.name).join(', ')}`);
  return col;
}

/** A cell as text for display and CSV ('' when missing). */
export function cellText(col: Column, row: number): string {
  if (isMissing(col, row)) return '';
  return col.type === 'numeric' ? String(col.values[row]) : col.categories[col.codes[row]];
}

/** A new table holding only the given rows, in the given order. */
export function takeRows(table: Table, rows: ArrayLike<number>): Table {
  const columns = table.columns.map((col): Column => {
    if (col.type === 'numeric') {
      const values = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) values[i] = col.values[rows[i]];
      return numericColumn(col.name, values);
    }
    const codes = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) codes[i] = col.codes[rows[i]];
    return categoricalColumn(col.name, codes, col.categories);
  });
  return { rowCount: rows.length, columns };
}

/** Encodes a list of labels (null = missing) as a categorical column with sorted categories. */
export function encodeCategorical(name: string, labels: readonly (string | null)[]): CategoricalColumn {
  const categories = [...new Set(labels.filter((l): l is string => l !== null))].sort(compareLabels);
  const index = new Map(categories.map((c, i) => [c, i]));
  const codes = new Int32Array(labels.length);
  labels.forEach((l, i) => (codes[i] = l === null ? MISSING_CODE : (index.get(l) as number)));
  return categoricalColumn(name, codes, categories);
}

/** Orders labels numerically when both look like numbers, else by code point. */
export function compareLabels(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
