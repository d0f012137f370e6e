import { StepInputError } from '../../core/errors';
import type { Table } from '../../core/table';
import { TableBuilder } from '../../core/table-builder';

/**
 * Collects the rows of a delimited file into columns, one row at a time, checking
 * the header (named, unique, more than one column) and that every row has as many
 * fields as the header. The run-time parser and the import preview both use it,
 * so they accept the same files, give the same messages and infer the same types.
 */
export class RowCollector {
  private table: TableBuilder | null = null;
  private rows = 0;

  /** @param keepTexts keep every cell's text (see TableBuilder: needed where a column of numbers turns out to hold a label) */
  constructor(private readonly keepTexts = false) {}

  /** Adds the next non-empty row, which starts on 1-based line `line` of the file. */
  add(fields: readonly string[], line: number): void {
    if (!this.table) {
      this.table = new TableBuilder(checkHeader(fields, line), this.keepTexts);
      return;
    }
    const columns = this.table.names.length;
    if (fields.length !== columns) {
      throw new StepInputError(
        `Line ${line} has ${fields.length} fields but the header has ${columns}: the file is ragged there. Fix that line (quote fields that contain the separator).`,
      );
    }
    this.table.add(fields);
    this.rows++;
  }

  /** The table of every row added (numeric columns where all present values are numbers). */
  finish(): Table {
    if (!this.table || this.rows === 0) throw new StepInputError('The file has a header but no data rows.');
    return this.table.finish();
  }
}

function checkHeader(fields: readonly string[], line: number): string[] {
  const header = fields.map((h) => h.trim());
  if (header.length < 2) {
    throw new StepInputError(
      `The file has a single column (line ${line} has no comma, semicolon or tab): is it tabular, and is its separator a comma (CSV) or a tab (TSV)?`,
    );
  }
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (!h) throw new StepInputError(`Column ${i + 1} of the header row (line ${line}) has no name.`);
    if (seen.has(h)) throw new StepInputError(`The header (line ${line}) names the column "${h}" twice: give each column its own name.`);
    seen.add(h);
  });
  return header;
}

/**
 * The 1-based line of the first non-blank character at or after `at` (a row's
 * start, past any blank lines before it). Line breaks are \n, \r\n or a lone \r.
 */
export function lineAt(text: string, at: number): number {
  let end = Math.min(at, text.length);
  while (end < text.length && /\s/.test(text[end])) end++;
  let line = 1;
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}
