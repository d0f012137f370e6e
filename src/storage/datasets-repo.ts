import { sha256Hex } from '../core/hash';
import type { PipelabDb } from './db';
import { guardedWrite } from './quota';
import type { StoredDataset } from './records';

/**
 * Stores a data set once by content hash (storing the same content again is a no-op). Returns the hash.
 * `knownHash` is the SHA-256 of this very text when the caller has it already (the import preview
 * hashes in the worker), so a large file is not hashed again on the main thread.
 */
export async function putDataset(
  db: PipelabDb,
  name: string,
  format: StoredDataset['format'],
  text: string,
  options: { readonly knownHash?: string; readonly origin?: NonNullable<StoredDataset['origin']> } = {},
): Promise<string> {
  const hash = options.knownHash ?? (await sha256Hex(text));
  const origin = options.origin ?? 'import';
  await guardedWrite(() =>
    db.transaction('rw', db.datasets, async () => {
      if (!(await hasDataset(db, hash))) await db.datasets.add({ hash, name, format, text, createdAt: Date.now(), origin });
    }),
  );
  return hash;
}

/** Whether a data set with this content hash is stored (counted by key: no file text is read). */
export async function hasDataset(db: PipelabDb, hash: string): Promise<boolean> {
  return (await db.datasets.where(':id').equals(hash).count()) > 0;
}

/** A stored data set by hash, or undefined. */
export function getDataset(db: PipelabDb, hash: string): Promise<StoredDataset | undefined> {
  return db.datasets.get(hash);
}
