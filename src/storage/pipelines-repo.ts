import type { PipelineSpec } from '../core/spec';
import type { PipelabDb } from './db';
import { guardedWrite } from './quota';
import type { StoredPipeline } from './records';
import { newId } from './ids';
import { pipelineLabel, StoredSpecError } from './stored-spec';
import { listVersions, versionsOf } from './versions-repo';

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

/**
 * One pipeline with its spec restored (migrated, defaults filled, validated), or undefined.
 * A stored spec that fails restore throws a StoredSpecError naming the pipeline and the field.
 */
export async function getPipeline(db: PipelabDb, id: string): Promise<StoredPipeline | undefined> {
  const row = await db.pipelines.get(id);
  return row && restoredRow(db, row);
}

/** The row with its spec through restore. */
export function restoredRow(db: PipelabDb, row: StoredPipeline): StoredPipeline {
  return { ...row, spec: db.readSpec(row.spec, pipelineLabel(row.name)) };
}

/** Copies a pipeline (head spec and version history) under a new name. */
export async function duplicatePipeline(db: PipelabDb, id: string, writer: string): Promise<StoredPipeline> {
  const source = await getPipeline(db, id);
  if (!source) throw new Error(`No pipeline ${id}`);
  const spec = { ...structuredClone(source.spec), name: `${source.name} (copy)` };
  const versions = await listVersions(db, id);
  const copy = await createPipeline(db, spec, writer);
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

/** A listed pipeline: its row (spec restored), or, when its stored spec fails restore, why (`problem`) and an empty spec. */
export type ListedPipeline = StoredPipeline & { readonly problem: string | null };

/**
 * The pipelines that are not deleted, most recently edited first, their specs restored.
 * One that fails restore stays in the list with its `problem` (opening it says the same),
 * so a damaged row never hides the others.
 */
export async function listPipelines(db: PipelabDb): Promise<ListedPipeline[]> {
  const all = await db.pipelines.orderBy('updatedAt').reverse().toArray();
  return all.filter((p) => p.deletedAt === null).map((row) => listed(db, row));
}

function listed(db: PipelabDb, row: StoredPipeline): ListedPipeline {
  try {
    return { ...restoredRow(db, row), problem: null };
  } catch (err) {
    if (!(err instanceof StoredSpecError)) throw err;
    return { ...row, spec: { ...row.spec, steps: [] }, problem: err.message };
  }
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
