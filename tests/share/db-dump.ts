// Every row of every table of a database, for "unchanged on error" and "never replaced" checks.
import type { PipelabDb } from '../../src/storage/db';

/** Rows by table name, each table's rows keyed by their primary key (as JSON). */
export type DbDump = Record<string, Map<string, unknown>>;

/** Reads every table of the database (whatever its schema version holds). */
export async function dumpDb(db: PipelabDb): Promise<DbDump> {
  const dump: DbDump = {};
  for (const table of db.tables) {
    const keyPath = table.schema.primKey.keyPath;
    const paths = keyPath === null || keyPath === undefined ? [] : [keyPath].flat();
    const rows = new Map<string, unknown>();
    const keys = await table.toCollection().primaryKeys();
    const values = await table.toArray();
    values.forEach((row, i) => rows.set(paths.length ? JSON.stringify(paths.map((p) => (row as Record<string, unknown>)[p])) : JSON.stringify(keys[i]), row));
    dump[table.name] = rows;
  }
  return dump;
}

/** The rows of `before` that are missing or different in `after` ("table key"), empty when every row was kept as it was. */
export function changedRows(before: DbDump, after: DbDump, equal: (a: unknown, b: unknown) => boolean): string[] {
  const changed: string[] = [];
  for (const [table, rows] of Object.entries(before)) {
    for (const [key, row] of rows) {
      if (!after[table]?.has(key) || !equal(row, after[table].get(key))) changed.push(`${table} ${key}`);
    }
  }
  return changed;
}

/** Row counts by table. */
export function rowCounts(dump: DbDump): Record<string, number> {
  return Object.fromEntries(Object.entries(dump).map(([t, rows]) => [t, rows.size]));
}
