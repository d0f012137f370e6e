import { checkDelimitedShape, withoutByteOrderMark } from '../../core/data-limits';
import { StepInputError } from '../../core/errors';
import { parseRecords } from '../../core/parse-table';
import { NeedsCellTexts } from '../../core/table-builder';
import { guessDelimiter, readDelimited, type ReadProgress } from '../../core/read-delimited';
import type { Table } from '../../core/table';
import { RowCollector, lineAt } from './delimited-rows';

/** File formats a user can import. */
export type UserFormat = 'csv' | 'tsv' | 'json';

/** The format a file name suggests (CSV when unsure). */
export function formatOf(name: string): UserFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return 'tsv';
  return 'csv';
}

/** A parsed user file: its table and, for CSV/TSV, the separator found. */
export interface ParsedUserData {
  readonly table: Table;
  readonly delimiter: string | null;
}

/** Told how far parsing has got: characters done out of the text's length. */
export type ParseProgress = ReadProgress;

/**
 * Parses a user's file into a table with readDelimited (CSV/TSV: quoted fields, a
 * header row, the separator guessed for CSV) or as a JSON array of records. Every problem is a StepInputError
 * naming the line and what to do.
 */
export function parseUserData(text: string, format: UserFormat): Table {
  return parseUserFile(text, format).table;
}

/**
 * parseUserData with the separator it found, reporting progress on large files:
 * the run-time step and the import preview both parse through here.
 */
export function parseUserFile(text: string, format: UserFormat, onProgress?: ParseProgress): ParsedUserData {
  const body = withoutByteOrderMark(text);
  if (body.trim() === '') throw new StepInputError('The file is empty: export the data again with a header row and some rows.');
  const bad = firstNonText(body);
  if (bad >= 0) {
    throw new StepInputError(
      `The file does not look like UTF-8 text (line ${lineAt(body, bad)} holds a byte that is not; it may be a spreadsheet, an image or another encoding): save it as CSV (UTF-8) and import it again.`,
    );
  }
  if (format === 'json') return { table: parseJson(body), delimiter: null };
  checkDelimitedShape(body, format === 'tsv' ? '\t' : undefined);
  return parseDelimited(body, format === 'tsv' ? '\t' : '', onProgress);
}

/** The file the import preview parsed last (in the worker), kept for the run that reads it next. */
let remembered: { readonly hash: string; readonly format: UserFormat; readonly parsed: ParsedUserData } | null = null;

/** Keeps a parse of the text whose SHA-256 is `hash` (computed from that very text) for parseUserFileByHash; one at a time. */
export function rememberParsed(hash: string, format: UserFormat, parsed: ParsedUserData): void {
  remembered = { hash, format, parsed };
}

/** Forgets the kept parse (a new file is being read: the old table need not stay in memory meanwhile). */
export function forgetParsed(): void {
  remembered = null;
}

/**
 * parseUserFile for a text whose SHA-256 is `hash`: where the import preview just parsed
 * that content (rememberParsed), its table is reused instead of reading 50 MB again.
 * Tables are never changed after they are made, so sharing one is safe.
 */
export function parseUserFileByHash(text: string, format: UserFormat, hash: string): ParsedUserData {
  if (remembered?.hash === hash && remembered.format === format) return remembered.parsed;
  return parseUserFile(text, format);
}

/** Where the first NUL or undecodable byte (U+FFFD) is, or -1. */
function firstNonText(text: string): number {
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\uFFFD');
  if (nul < 0) return bad;
  return bad < 0 ? nul : Math.min(nul, bad);
}

function parseJson(text: string): Table {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message);
    const where = at ? ` at line ${lineAt(text, Number(at[1]))}` : '';
    throw new StepInputError(`The file is not valid JSON${where} (${(err as Error).message}).`);
  }
  try {
    return parseRecords(doc);
  } catch (err) {
    throw new StepInputError(`The JSON is not a table: ${(err as Error).message}.`);
  }
}

function parseDelimited(text: string, delimiter: string, onProgress?: ParseProgress): ParsedUserData {
  const found = delimiter || guessDelimiter(text);
  let reported = -1; // a second read reports only past where the first got, so the bar never goes back
  const progress: ParseProgress = (done, total) => {
    if (done > reported) onProgress?.((reported = done), total);
  };
  const read = (keepTexts: boolean) => {
    const rows = new RowCollector(keepTexts);
    readDelimited(text, found, (fields, line) => rows.add(fields, line), progress);
    return rows.finish();
  };
  try {
    return { table: read(false), delimiter: found };
  } catch (err) {
    if (!(err instanceof NeedsCellTexts)) throw err;
    return { table: read(true), delimiter: found }; // a column of numbers held a label: read again keeping texts
  }
}
