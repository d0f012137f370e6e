import type { PipelineSpec } from '../core/spec';
import { versionHash } from '../engine/fingerprint';
import type { PipelabDb } from './db';
import { guardedWrite } from './quota';
import type { StoredPipeline } from './records';
import { pipelineLabel } from './stored-spec';

/** The label of a version that holds an edit which arrived after a newer one from another tab. */
export const CONFLICT_LABEL = 'edit kept from a conflict';

/** What became of a save. */
export interface SaveResult {
  /** The pipeline's revision now stored (the caller's new base). */
  readonly rev: number;
  /**
   * Set when another tab had written a newer spec: that spec stays the head (it is here,
   * for the editor to show) and the edit being saved was kept as a version (`kept`, its hash).
   */
  readonly conflict: { readonly spec: PipelineSpec; readonly kept: string } | null;
}

/** How a save treats the head it replaces. */
export interface SaveOptions {
  /** The caller's base came from another tab's write: keep that head as a version before replacing it. */
  readonly keepBase?: boolean;
}

/**
 * Saves an edited spec as the pipeline's head, checking the revision inside the
 * transaction. When another writer stored a newer revision than `baseRev`, the
 * newer spec stays the head, both it and this edit are kept as versions, and the
 * result says so: nothing is overwritten unseen and nothing is dropped.
 */
export async function savePipelineSpec(
  db: PipelabDb,
  id: string,
  spec: PipelineSpec,
  baseRev: number,
  writer: string,
  options: SaveOptions = {},
): Promise<SaveResult> {
  // The version hashes need WebCrypto, which cannot run inside an IndexedDB transaction:
  // read, hash, then write only if the revision is still the one read; else try again.
  for (let attempt = 0; attempt < 8; attempt++) {
    const seen = await db.pipelines.get(id);
    if (!seen) throw new Error(`No pipeline ${id}`);
    const newer = seen.rev !== baseRev && seen.writer !== writer;
    const keepTheirs = seen.writer !== writer && (newer || options.keepBase === true);
    const theirHash = keepTheirs ? await versionHash(seen.spec) : null;
    const myHash = newer ? await versionHash(spec) : null;
    const result = await guardedWrite(() =>
      db.transaction('rw', [db.pipelines, db.versions, db.heads], async (): Promise<SaveResult | null> => {
        const row = await db.pipelines.get(id);
        if (!row) throw new Error(`No pipeline ${id}`);
        if (row.rev !== seen.rev) return null;
        if (theirHash && theirHash !== myHash) await keepVersion(db, row, theirHash, row.spec, '');
        if (myHash) {
          if (myHash === theirHash) return { rev: row.rev, conflict: null };
          await keepVersion(db, row, myHash, spec, CONFLICT_LABEL);
          return { rev: row.rev, conflict: { spec: db.readSpec(row.spec, pipelineLabel(row.name)), kept: myHash } };
        }
        const rev = row.rev + 1;
        await db.pipelines.update(id, { spec, name: spec.name, rev, writer, updatedAt: Date.now() });
        return { rev, conflict: null };
      }),
    );
    if (result) return result;
  }
  throw new Error('The pipeline keeps changing in another tab; this edit could not be saved. Try again.');
}

/** Adds a 'concurrent-edit' version (a child of the head) unless one with this hash exists. */
async function keepVersion(db: PipelabDb, row: StoredPipeline, hash: string, spec: PipelineSpec, label: string): Promise<void> {
  if (await db.versions.get([row.id, hash])) return;
  const parent = (await db.heads.get(row.id))?.hash ?? null;
  await db.versions.add({ pipelineId: row.id, hash, spec, parent, label, reason: 'concurrent-edit', createdAt: Date.now() });
}
