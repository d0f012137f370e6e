import { StepInputError } from './errors';

/**
 * The shapes of data file pipelab accepts: the import preview (in the worker), the
 * run-time parser and the CLI all check these before building anything that grows
 * with the header, so a hostile or broken file gets a message instead of exhausting memory.
 */
export const DATA_LIMITS = {
  /** Most columns a file's header may name. */
  maxColumns: 5_000,
  /** Longest line, in characters (line breaks inside quoted fields count as breaks here). */
  maxLineLength: 1_000_000,
  /** Most cells (columns × data rows). */
  maxCells: 50_000_000,
} as const;

const BOM = 0xfeff;
const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Separators a delimited file may use (guessDelimiter picks among these). */
const SEPARATORS = [44, 59, 9, 124, 30, 31]; // , ; tab | and the record and unit separators

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The text without its UTF-8 byte-order mark: one is dropped (as browsers do); a text
 * that starts with two is refused, because the second would become part of the first
 * column's name and the file's hash would differ from the one other tools compute.
 */
export function withoutByteOrderMark(text: string): string {
  if (text.charCodeAt(0) !== BOM) return text;
  if (text.charCodeAt(1) === BOM) {
    throw new StepInputError('The file starts with two byte-order marks (U+FEFF): it was saved twice with a BOM. Save it again as CSV (UTF-8) and import it again.');
  }
  return text.slice(1);
}

/**
 * Checks a delimited text's shape against DATA_LIMITS in one pass, without building
 * anything: the header's column count (for every separator pipelab detects, or only
 * `separator` when given), every line's length, and columns × rows. Throws a
 * StepInputError naming the limit that was passed and where.
 */
export function checkDelimitedShape(text: string, separator?: string): void {
  const seps = separator ? [separator.charCodeAt(0)] : SEPARATORS;
  const counts = seps.map(() => 0);
  let header = true;
  let quoted = false;
  let line = 1;
  let lineStart = 0;
  let records = 0;
  let blank = true;
  let columns = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (i - lineStart >= DATA_LIMITS.maxLineLength && ch !== LF && ch !== CR) throw lineTooLong(line, lineEnd(text, i) - lineStart);
    if (ch === LF || ch === CR) {
      if (ch === CR && text.charCodeAt(i + 1) === LF) i++;
      if (!quoted && !blank) {
        if (header) columns = Math.max(...counts) + 1;
        else records++;
        header = false;
        blank = true;
      }
      line++;
      lineStart = i + 1;
    } else if (quoted) {
      if (ch === QUOTE && text.charCodeAt(i + 1) === QUOTE) i++; // a doubled quote stays inside the field
      else if (ch === QUOTE) quoted = false;
    } else {
      if (ch > 32) blank = false;
      // As readDelimited reads it: a quote opens a quoted field only at the field's start.
      if (ch === QUOTE && (i === lineStart || seps.includes(text.charCodeAt(i - 1)))) quoted = true;
      const k = header ? seps.indexOf(ch) : -1;
      if (k >= 0 && ++counts[k] >= DATA_LIMITS.maxColumns) throw tooManyColumns(line, counts[k] + 1);
    }
  }
  if (!blank && !header) records++;
  checkCellCount(columns, records);
}

/** Checks a column count (e.g. of a JSON file's records) against DATA_LIMITS.maxColumns. */
export function checkColumnCount(columns: number): void {
  if (columns > DATA_LIMITS.maxColumns) throw tooManyColumns(null, columns);
}

/** Checks columns × rows against DATA_LIMITS.maxCells. */
export function checkCellCount(columns: number, rows: number): void {
  if (columns * rows > DATA_LIMITS.maxCells) {
    throw new StepInputError(`The file has ${fmt(rows)} rows of ${fmt(columns)} columns, ${fmt(columns * rows)} cells; pipelab reads at most ${fmt(DATA_LIMITS.maxCells)} cells. Use fewer rows or columns.`);
  }
}

/** Where the line holding character `from` ends. */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === LF || ch === CR) return i;
  }
  return text.length;
}

function tooManyColumns(line: number | null, atLeast: number): StepInputError {
  const where = line === null ? `The file has ${fmt(atLeast)}` : `The header (line ${line}) has more than ${fmt(DATA_LIMITS.maxColumns)}`;
  return new StepInputError(`${where} columns; pipelab reads at most ${fmt(DATA_LIMITS.maxColumns)} columns. Keep the columns you need and import it again.`);
}

function lineTooLong(line: number, length: number): StepInputError {
  return new StepInputError(
    `Line ${line} is ${fmt(length)} characters long; pipelab reads lines of at most ${fmt(DATA_LIMITS.maxLineLength)} characters. Is the file tabular, with one row per line?`,
  );
}
