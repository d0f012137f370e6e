import { checkCellCount, checkColumnCount, checkDelimitedShape } from './data-limits';
import { StepInputError } from './errors';
import { readDelimited } from './read-delimited';
import { encodeCategorical, makeTable, numericColumn, type Column, type Table } from './table';

/** A plain decimal number (no hex, binary or octal literals, no Infinity). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Cell texts read as a missing value. */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', '?', '.']);

const LONGEST_TOKEN = Math.max(...[...MISSING_TOKENS].map((t) => t.length));

/** Whether a trimmed cell is a missing-value token (the length check spares most cells a set lookup). */
export function isMissingToken(cell: string): boolean {
  return cell.length <= LONGEST_TOKEN && MISSING_TOKENS.has(cell);
}

/**
 * Parses comma-separated text with a header row (the built-in data sets, and the
 * CSV pipelab writes) through readDelimited, the one reader of delimited text: quoted
 * fields may hold commas, doubled quotes and line breaks; blank lines are skipped.
 * Every column whose present values are all decimal numbers becomes numeric, the rest
 * categorical.
 */
export function parseCsv(text: string): Table {
  checkDelimitedShape(text, ',');
  const rows: { header: string[] | null; cells: (string | null)[][] } = { header: null, cells: [] };
  readDelimited(text, ',', (fields, line) => {
    const { header, cells } = rows;
    if (!header) {
      rows.header = fields;
      rows.cells = fields.map(() => []);
      return;
    }
    if (fields.length !== header.length) throw new Error(`CSV line ${line} has ${fields.length} fields, expected ${header.length}`);
    for (let c = 0; c < fields.length; c++) {
      const cell = fields[c].trim();
      cells[c].push(isMissingToken(cell) ? null : cell);
    }
  });
  const { header, cells } = rows;
  if (!header) throw new Error('The CSV text is empty');
  return makeTable(header.map((name, c) => inferColumn(name.trim(), cells[c])));
}

/** Parses a JSON array of flat records (as vega-datasets ships) into a table. */
export function parseRecords(records: unknown): Table {
  if (!Array.isArray(records) || records.length === 0) throw new Error('Expected a non-empty JSON array of records');
  const seen = new Set<string>();
  for (const rec of records) {
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) throw new Error('Every record must be a JSON object');
    for (const key in rec) {
      seen.add(key);
      checkColumnCount(seen.size);
    }
  }
  const names = [...seen];
  checkCellCount(names.length, records.length);
  const columns = names.map((name) => {
    const values = records.map((rec: Record<string, unknown>) => {
      const v = rec[name];
      if (v === null || v === undefined) return null;
      const s = String(v).trim();
      return MISSING_TOKENS.has(s) ? null : s;
    });
    return inferColumn(name, values);
  });
  return makeTable(columns);
}

/** Makes a numeric column when every present value is a number, else a categorical one. */
export function inferColumn(name: string, values: readonly (string | null)[]): Column {
  const numbers = new Float64Array(values.length);
  let outOfRange = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) numbers[i] = NaN;
    else if (DECIMAL.test(v)) numbers[i] = Number(v);
    else return encodeCategorical(name, values);
    if (outOfRange < 0 && !Number.isFinite(numbers[i]) && v !== null) outOfRange = i;
  }
  if (outOfRange >= 0) throw outOfRangeCell(name, outOfRange, values[outOfRange] as string);
  return numericColumn(name, numbers);
}

/** The error for a numeric column's cell beyond the range of doubles (e.g. 1e400): refused, as the text Infinity is. */
function outOfRangeCell(column: string, row: number, cell: string): StepInputError {
  const shown = cell.length > 40 ? `${cell.slice(0, 40)}…` : cell;
  return new StepInputError(`Column "${column}", data row ${row + 1}: ${shown} is beyond the range of numbers pipelab can hold (about ±1.8e308). Fix that cell or mark it missing (NA).`);
}
