import { checkCellCount, checkColumnCount, checkDelimitedShape } from './data-limits';
import { readDelimited } from './read-delimited';
import { makeTable, type Table } from './table';
import { MISSING_TOKENS, NeedsCellTexts, TableBuilder, inferColumn } from './table-builder';

/**
 * Parses comma-separated text with a header row (the built-in data sets, and the
 * CSV pipelab writes) through readDelimited, the one reader of delimited text: quoted
 * fields may hold commas, doubled quotes and line breaks; blank lines are skipped.
 * Every column whose present values are all decimal numbers becomes numeric, the rest
 * categorical.
 */
export function parseCsv(text: string): Table {
  checkDelimitedShape(text, ',');
  try {
    return readCsvTable(text, false);
  } catch (err) {
    if (err instanceof NeedsCellTexts) return readCsvTable(text, true);
    throw err;
  }
}

function readCsvTable(text: string, keepTexts: boolean): Table {
  let table: TableBuilder | null = null;
  readDelimited(text, ',', (fields, line) => {
    if (!table) table = new TableBuilder(fields.map((f) => f.trim()), keepTexts);
    else if (fields.length !== table.names.length) throw new Error(`CSV line ${line} has ${fields.length} fields, expected ${table.names.length}`);
    else table.add(fields);
  });
  const built = table as TableBuilder | null; // assigned inside the callback
  if (!built) throw new Error('The CSV text is empty');
  return built.finish();
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
