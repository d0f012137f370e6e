import { sha256Hex } from '../core/hash';
import type { PipelabDb } from './db';
import { guardedWrite } from './quota';
import type { StoredDataset, StoredDatasetRow } from './records';

/** What a data set is stored from: its text (hashed here unless the hash is known), or the UTF-8 bytes of its text with their hash. */
export type DatasetContent = string | { readonly bytes: Blob; readonly hash: string };

/**
 * Stores a data set once by content hash (storing the same content again is a no-op). Returns the hash.
 * `knownHash` is the SHA-256 of this very text when the caller has it already (the import preview
 * hashes in the worker), so a large file is not hashed again on the main thread. The import
 * preview stores the file's bytes as a Blob (no BOM: the bytes its hash covers), which IndexedDB
 * takes without serialising tens of megabytes on the writing thread.
 */
export async function putDataset(
  db: PipelabDb,
  name: string,
  format: StoredDataset['format'],
  content: DatasetContent,
  options: { readonly knownHash?: string; readonly origin?: NonNullable<StoredDataset['origin']> } = {},
): Promise<string> {
  const hash = typeof content === 'string' ? (options.knownHash ?? (await sha256Hex(content))) : content.hash;
  const origin = options.origin ?? 'import';
  const base = { hash, name, format, createdAt: Date.now(), origin };
  const row: StoredDatasetRow = typeof content === 'string' ? { ...base, text: content } : { ...base, bytes: content.bytes };
  await guardedWrite(() =>
    db.transaction('rw', db.datasets, async () => {
      if (!(await hasDataset(db, hash))) await db.datasets.add(row);
    }),
  );
  return hash;
}

/** Whether a data set with this content hash is stored (counted by key: no file text is read). */
export async function hasDataset(db: PipelabDb, hash: string): Promise<boolean> {
  return (await db.datasets.where(':id').equals(hash).count()) > 0;
}

/** A stored data set by hash with its text (decoded from its bytes where it was stored as a Blob), or undefined. */
export async function getDataset(db: PipelabDb, hash: string): Promise<StoredDataset | undefined> {
  const row = await db.datasets.get(hash);
  return row && withText(row);
}

/** A stored row with its text: kept as text, or decoded from its UTF-8 bytes (a BOM among them stays text, as it was when hashed). */
export async function withText(row: StoredDatasetRow): Promise<StoredDataset> {
  if (row.bytes === undefined) return row;
  const { bytes, ...rest } = row;
  return { ...rest, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytes.arrayBuffer()) };
}
