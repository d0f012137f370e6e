import { decimalValue } from './decimal';
import { StepInputError } from './errors';
import { MISSING_CODE, categoricalColumn, compareLabels, encodeCategorical, makeTable, numericColumn, type Column, type Table } from './table';

/** Cell texts read as a missing value. */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', '?', '.']);

const LONGEST_TOKEN = Math.max(...[...MISSING_TOKENS].map((t) => t.length));

/** Whether a trimmed cell is a missing-value token (the length check spares most cells a set lookup). */
export function isMissingToken(cell: string): boolean {
  return cell.length <= LONGEST_TOKEN && MISSING_TOKENS.has(cell);
}

/** Makes a numeric column when every present value is a plain decimal, else a categorical one. */
export function inferColumn(name: string, values: readonly (string | null)[]): Column {
  const numbers = new Float64Array(values.length);
  let outOfRange = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) {
      numbers[i] = NaN;
      continue;
    }
    const x = decimalValue(v); // a plain decimal only: no hex, binary or octal literals, no Infinity
    if (x === undefined) return encodeCategorical(name, values);
    numbers[i] = x;
    if (outOfRange < 0 && !Number.isFinite(x)) outOfRange = i;
  }
  if (outOfRange >= 0) throw outOfRangeCell(name, outOfRange, values[outOfRange] as string);
  return numericColumn(name, numbers);
}

/** The error for a numeric column's cell beyond the range of doubles (e.g. 1e400): refused, as the text Infinity is. */
function outOfRangeCell(column: string, row: number, cell: string): StepInputError {
  const shown = cell.length > 40 ? `${cell.slice(0, 40)}…` : cell;
  return new StepInputError(`Column "${column}", data row ${row + 1}: ${shown} is beyond the range of numbers pipelab can hold (about ±1.8e308). Fix that cell or mark it missing (NA).`);
}

/** Thrown by a TableBuilder without kept texts when a column it read as numbers turns out to hold a label. */
export class NeedsCellTexts extends Error {}

/**
 * Builds a table row by row with the column types inferColumn gives, without keeping every
 * cell's text: numbers go straight into a Float64Array, labels into codes. A column that
 * read as numbers and then meets a label needs the texts of its earlier cells: the builder
 * then throws NeedsCellTexts and the caller reads again with `keepTexts` (inferColumn's way).
 */
export class TableBuilder {
  private readonly columns: ColumnSink[];

  constructor(readonly names: readonly string[], keepTexts = false) {
    this.columns = names.map(() => (keepTexts ? new TextSink() : new TypedSink()));
  }

  /** Adds one row (as many fields as names; untrimmed; missing-value tokens become missing). */
  add(fields: readonly string[]): void {
    for (let c = 0; c < fields.length; c++) {
      const f = fields[c].trim();
      this.columns[c].add(isMissingToken(f) ? null : f);
    }
  }

  /** The table of every row added. */
  finish(): Table {
    return makeTable(this.names.map((name, c) => this.columns[c].finish(name)));
  }
}

interface ColumnSink {
  add(cell: string | null): void;
  finish(name: string): Column;
}

/** Keeps every cell's text and types the column at the end. */
class TextSink implements ColumnSink {
  private readonly cells: (string | null)[] = [];
  add(cell: string | null): void {
    this.cells.push(cell);
  }
  finish(name: string): Column {
    return inferColumn(name, this.cells);
  }
}

/** Types the column from its first present cell and stores values, not texts. */
class TypedSink implements ColumnSink {
  private numbers: Float64Array | null = null;
  private codes: Int32Array | null = null;
  private readonly index = new Map<string, number>();
  private length = 0;
  private outOfRange: { row: number; cell: string } | null = null;

  add(cell: string | null): void {
    if (cell === null) return this.push(NaN, MISSING_CODE);
    const x = this.codes ? undefined : decimalValue(cell);
    if (!this.numbers && !this.codes) {
      if (x !== undefined) this.numbers = filled(new Float64Array(grow(this.length)), NaN);
      else this.codes = filled(new Int32Array(grow(this.length)), MISSING_CODE);
    }
    if (this.numbers) {
      if (x === undefined) throw new NeedsCellTexts();
      if (!this.outOfRange && !Number.isFinite(x)) this.outOfRange = { row: this.length, cell };
      return this.push(x, 0);
    }
    let code = this.index.get(cell);
    if (code === undefined) this.index.set(cell, (code = this.index.size));
    this.push(NaN, code);
  }

  private push(x: number, code: number): void {
    const n = this.length++;
    if (this.numbers) {
      if (n === this.numbers.length) this.numbers = grown(this.numbers, new Float64Array(grow(n)));
      this.numbers[n] = x;
    } else if (this.codes) {
      if (n === this.codes.length) this.codes = grown(this.codes, new Int32Array(grow(n)));
      this.codes[n] = code;
    }
  }

  finish(name: string): Column {
    if (this.outOfRange) throw outOfRangeCell(name, this.outOfRange.row, this.outOfRange.cell);
    if (!this.codes) return numericColumn(name, this.numbers ? this.numbers.slice(0, this.length) : new Float64Array(this.length).fill(NaN));
    const firstSeen = [...this.index.keys()];
    const categories = [...firstSeen].sort(compareLabels); // the order encodeCategorical gives
    const sorted = new Map(categories.map((c, i) => [c, i]));
    const remap = Int32Array.from(firstSeen, (c) => sorted.get(c) as number);
    const codes = this.codes.slice(0, this.length);
    for (let i = 0; i < codes.length; i++) if (codes[i] !== MISSING_CODE) codes[i] = remap[codes[i]];
    return categoricalColumn(name, codes, categories);
  }
}

/** A capacity for more than `n` items. */
const grow = (n: number) => Math.max(1024, n * 2);

function filled<A extends Float64Array | Int32Array>(array: A, value: number): A {
  array.fill(value);
  return array;
}

function grown<A extends Float64Array | Int32Array>(old: A, bigger: A): A {
  bigger.set(old);
  return bigger;
}
