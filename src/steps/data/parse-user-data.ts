import Papa from 'papaparse';
import { StepInputError } from '../../core/errors';
import { MISSING_TOKENS, inferColumn, parseRecords } from '../../core/parse-table';
import { makeTable, type Table } from '../../core/table';

/** File formats a user can import. */
export type UserFormat = 'csv' | 'tsv' | 'json';

/** The format a file name suggests (CSV when unsure). */
export function formatOf(name: string): UserFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return 'tsv';
  return 'csv';
}

/**
 * Parses a user's file into a table with papaparse (CSV/TSV: quoted fields, a
 * header row) or as a JSON array of records. Every problem is a StepInputError
 * naming the row and what to do.
 */
export function parseUserData(text: string, format: UserFormat): Table {
  if (text.trim() === '') throw new StepInputError('The file is empty: export the data again with a header row and some rows.');
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    throw new StepInputError('The file does not look like UTF-8 text (it may be a spreadsheet or another encoding): save it as CSV (UTF-8) and import it again.');
  }
  return format === 'json' ? parseJson(text) : parseDelimited(text, format === 'tsv' ? '\t' : '');
}

function parseJson(text: string): Table {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new StepInputError(`The file is not valid JSON (${(err as Error).message}).`);
  }
  try {
    return parseRecords(doc);
  } catch (err) {
    throw new StepInputError(`The JSON is not a table: ${(err as Error).message}.`);
  }
}

function parseDelimited(text: string, delimiter: string): Table {
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  const rows = result.data;
  const fatal = result.errors.find((e) => e.type !== 'Delimiter');
  if (fatal) throw new StepInputError(`Row ${(fatal.row ?? 0) + 1}: ${fatal.message}.`);
  if (rows.length < 2) throw new StepInputError('The file has a header but no data rows.');
  const header = rows[0].map((h) => h.trim());
  if (header.length < 2) throw new StepInputError('The file has a single column: is it tabular, and is its separator a comma (CSV) or a tab (TSV)?');
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (!h) throw new StepInputError(`Column ${i + 1} of the header row has no name.`);
    if (seen.has(h)) throw new StepInputError(`The header names the column "${h}" twice.`);
    seen.add(h);
  });
  const cells: (string | null)[][] = header.map(() => []);
  for (let r = 1; r < rows.length; r++) {
    if (rows[r].length !== header.length) {
      throw new StepInputError(`Row ${r + 1} has ${rows[r].length} fields but the header has ${header.length}: the file is ragged there.`);
    }
    rows[r].forEach((f, c) => cells[c].push(MISSING_TOKENS.has(f.trim()) ? null : f.trim()));
  }
  return makeTable(header.map((name, c) => inferColumn(name, cells[c])));
}
