import { encodeCategorical, makeTable, numericColumn, type Column, type Table } from './table';

/** Cell texts read as a missing value. */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', '?', '.']);

/**
 * Parses simple comma-separated text with a header row (the built-in data sets):
 * quoted fields with doubled quotes are understood; every column whose present
 * values are all numbers becomes numeric, the rest categorical.
 */
export function parseCsv(text: string): Table {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error('The CSV text is empty');
  const header = splitCsvLine(lines[0]);
  const cells: (string | null)[][] = header.map(() => []);
  for (let r = 1; r < lines.length; r++) {
    const fields = splitCsvLine(lines[r]);
    if (fields.length !== header.length) {
      throw new Error(`CSV line ${r + 1} has ${fields.length} fields, expected ${header.length}`);
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
  const numeric = values.every((v) => v === null || Number.isFinite(Number(v)));
  if (!numeric) return encodeCategorical(name, values);
  return numericColumn(name, Float64Array.from(values, (v) => (v === null ? NaN : Number(v))));
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}
