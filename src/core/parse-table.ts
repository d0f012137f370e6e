import { encodeCategorical, makeTable, numericColumn, type Column, type Table } from './table';

/** A plain decimal number (no hex, binary or octal literals, no Infinity). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Cell texts read as a missing value. */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', '?', '.']);

/**
 * Parses comma-separated text with a header row (the built-in data sets, and the
 * CSV pipelab writes): quoted fields may hold commas, doubled quotes and line
 * breaks; blank lines are skipped. Every column whose present values are all
 * decimal numbers becomes numeric, the rest categorical.
 */
export function parseCsv(text: string): Table {
  const records = readCsvRecords(text);
  if (records.length === 0) throw new Error('The CSV text is empty');
  const header = records[0].fields;
  const cells: (string | null)[][] = header.map(() => []);
  for (const { fields, line } of records.slice(1)) {
    if (fields.length !== header.length) {
      throw new Error(`CSV line ${line} has ${fields.length} fields, expected ${header.length}`);
    }
    fields.forEach((f, c) => cells[c].push(MISSING_TOKENS.has(f.trim()) ? null : f.trim()));
  }
  return makeTable(header.map((name, c) => inferColumn(name.trim(), cells[c])));
}

/** Parses a JSON array of flat records (as vega-datasets ships) into a table. */
export function parseRecords(records: unknown): Table {
  if (!Array.isArray(records) || records.length === 0) throw new Error('Expected a non-empty JSON array of records');
  const names: string[] = [];
  for (const rec of records) {
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) throw new Error('Every record must be a JSON object');
    for (const key of Object.keys(rec)) if (!names.includes(key)) names.push(key);
  }
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
  const numeric = values.every((v) => v === null || DECIMAL.test(v));
  if (!numeric) return encodeCategorical(name, values);
  return numericColumn(name, Float64Array.from(values, (v) => (v === null ? NaN : Number(v))));
}

/** Splits CSV text into records in one pass, so quoted line breaks stay inside their field. */
function readCsvRecords(text: string): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0].trim() !== '') records.push({ fields, line: start });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  endRecord();
  return records;
}
