import type { PipelineSpec } from '../core/spec';
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

export { savePipelineSpec, type SaveResult } from './save-spec';

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
