import type { PipelabDb } from './db';
import { guardedWrite } from './quota';

/** Reads a workspace setting, or `fallback` when unset. */
export async function getSetting<T>(db: PipelabDb, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row ? (row.value as T) : fallback;
}

/** Writes a workspace setting. */
export function setSetting(db: PipelabDb, key: string, value: unknown): Promise<unknown> {
  return guardedWrite(() => db.settings.put({ key, value }));
}
