// The tables of bundled data sets, parsed once per worker (or process) and kept by the data
// file's content hash: a bundled file never changes under its hash and tables are never
// changed in place (steps make new columns), so every run of a built-in data set can start
// from the same table. Parsing breast_cancer took a fifth of a whole L-BFGS run.
import type { Table } from '../../core/table';

/** How many parsed tables are kept (the bundled data sets, a few MB in all). */
const KEPT = 8;
const tables = new Map<string, Table>();

/** The table `key` (content hash and anything else it depends on) names, made by `make` the first time. */
export function parsedOnce(key: string, make: () => Table): Table {
  const kept = tables.get(key);
  if (kept) {
    tables.delete(key); // most recently used last
    tables.set(key, kept);
    return kept;
  }
  const table = make();
  tables.set(key, table);
  if (tables.size > KEPT) tables.delete(tables.keys().next().value as string);
  return table;
}
