import type { PipelineSpec } from '../core/spec';
import { versionHash } from '../engine/fingerprint';
import type { PipelabDb } from './db';
import { guardedWrite } from './quota';
import type { StoredPipeline } from './records';
import { newId } from './ids';
import { versionsOf } from './versions-repo';

/** Creates a pipeline in the workspace from a spec (optionally as a fork of a shared one). */
export function createPipeline(
  db: PipelabDb,
  spec: PipelineSpec,
  writer: string,
  now = Date.now(),
  forkedFrom?: StoredPipeline['forkedFrom'],
): Promise<StoredPipeline> {
  const row: StoredPipeline = {
    ...(forkedFrom ? { forkedFrom } : {}),
    id: newId(),
    name: spec.name,
    spec,
    rev: 1,
    writer,
    selectedStepId: null,
    lastRunId: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  return guardedWrite(async () => {
    await db.pipelines.add(row);
    return row;
  });
}

/** The outcome of saving a spec: the new revision, and whether another tab had written in between. */
export interface SaveResult {
  readonly rev: number;
  readonly concurrent: boolean;
}

/**
 * Saves the edited spec as the pipeline's head. When another tab wrote since
 * `baseRev`, its spec is first kept as a 'concurrent-edit' version, so neither
 * write is lost.
 */
export async function savePipelineSpec(db: PipelabDb, id: string, spec: PipelineSpec, baseRev: number, writer: string): Promise<SaveResult> {
  // Optimistic concurrency: the version hash needs WebCrypto, which cannot run inside an
  // IndexedDB transaction, so read, hash, then write only if nobody wrote in between; else retry.
  for (let attempt = 0; attempt < 8; attempt++) {
    const seen = await db.pipelines.get(id);
    if (!seen) throw new Error(`No pipeline ${id}`);
    const theirs = seen.rev !== baseRev && seen.writer !== writer ? seen : null;
    const theirHash = theirs ? await versionHash(theirs.spec) : null;
    const result = await guardedWrite(() =>
      db.transaction('rw', [db.pipelines, db.versions, db.heads], async (): Promise<SaveResult | null> => {
        const row = await db.pipelines.get(id);
        if (!row) throw new Error(`No pipeline ${id}`);
        if (row.rev !== seen.rev) return null;
        if (theirs && theirHash && !(await db.versions.get([id, theirHash]))) {
          const parent = (await db.heads.get(id))?.hash ?? null;
          await db.versions.add({ pipelineId: id, hash: theirHash, spec: theirs.spec, parent, label: '', reason: 'concurrent-edit', createdAt: Date.now() });
        }
        const rev = row.rev + 1;
        await db.pipelines.update(id, { spec, name: spec.name, rev, writer, updatedAt: Date.now() });
        return { rev, concurrent: Boolean(theirs) };
      }),
    );
    if (result) return result;
  }
  throw new Error('The pipeline keeps changing in another tab; this edit could not be saved. Try again.');
}

/** Remembers which step's output the data view shows. */
export function saveSelection(db: PipelabDb, id: string, selectedStepId: string | null): Promise<unknown> {
  return guardedWrite(() => db.pipelines.update(id, { selectedStepId }));
}

/** Copies a pipeline (head spec and version history) under a new name. */
export async function duplicatePipeline(db: PipelabDb, id: string, writer: string): Promise<StoredPipeline> {
  const source = await db.pipelines.get(id);
  if (!source) throw new Error(`No pipeline ${id}`);
  const spec = { ...structuredClone(source.spec), name: `${source.name} (copy)` };
  const copy = await createPipeline(db, spec, writer);
  const versions = await versionsOf(db, id).toArray();
  const head = await db.heads.get(id);
  await guardedWrite(() =>
    db.transaction('rw', db.versions, db.heads, async () => {
      await db.versions.bulkAdd(versions.map((v) => ({ ...v, pipelineId: copy.id })));
      if (head) await db.heads.put({ pipelineId: copy.id, hash: head.hash });
    }),
  );
  return copy;
}

/** Marks a pipeline deleted (undo with restoreDeleted; purgeDeleted removes it for good). */
export function deletePipeline(db: PipelabDb, id: string, now = Date.now()): Promise<unknown> {
  return guardedWrite(() => db.pipelines.update(id, { deletedAt: now }));
}

/** Undoes a delete. */
export function restoreDeleted(db: PipelabDb, id: string): Promise<unknown> {
  return guardedWrite(() => db.pipelines.update(id, { deletedAt: null }));
}

/** The pipelines that are not deleted, most recently edited first. */
export async function listPipelines(db: PipelabDb): Promise<StoredPipeline[]> {
  const all = await db.pipelines.orderBy('updatedAt').reverse().toArray();
  return all.filter((p) => p.deletedAt === null);
}

/** Removes pipelines deleted before `before`, with their versions, head, runs, models and sweeps. */
export async function purgeDeleted(db: PipelabDb, before: number): Promise<number> {
  const gone = (await db.pipelines.toArray()).filter((p) => p.deletedAt !== null && p.deletedAt < before);
  await db.transaction('rw', [db.pipelines, db.versions, db.heads, db.runs, db.models, db.sweeps], async () => {
    for (const p of gone) {
      await db.sweeps.where('pipelineId').equals(p.id).delete();
      const runIds = (await db.runs.where('pipelineId').equals(p.id).primaryKeys()) as string[];
      await db.models.bulkDelete(runIds);
      await db.runs.bulkDelete(runIds);
      await versionsOf(db, p.id).delete();
      await db.heads.delete(p.id);
      await db.pipelines.delete(p.id);
    }
  });
  return gone.length;
}
