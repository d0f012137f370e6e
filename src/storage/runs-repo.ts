import type { RunView } from '../engine/run-view';
import type { PipelabDb } from './db';
import { putDataset } from './datasets-repo';
import { newId } from './ids';
import { guardedWrite } from './quota';
import type { StoredRun } from './records';
import { summarizeRun } from './run-summary';

/**
 * Stores a finished (or failed, or cancelled) run and makes it the pipeline's last
 * run. Data sets the run generated are stored once by content hash and left out
 * of the stored view, which refers to them by hash.
 */
export async function saveRun(db: PipelabDb, pipelineId: string, view: RunView, now = Date.now()): Promise<StoredRun> {
  const run = newStoredRun(pipelineId, view, await storeGeneratedData(db, view), now);
  await guardedWrite(() =>
    db.transaction('rw', db.runs, db.pipelines, async () => {
      await db.runs.add(run);
      await db.pipelines.update(pipelineId, { lastRunId: run.id });
    }),
  );
  return run;
}

/** Stores the data sets a run generated (once each, by content hash); returns their hashes by step id. */
export async function storeGeneratedData(db: PipelabDb, view: RunView): Promise<Record<string, string>> {
  const datasetHashes: Record<string, string> = {};
  for (const data of view.generatedData ?? []) datasetHashes[data.stepId] = await putDataset(db, `${data.stepId}.csv`, 'csv', data.csv);
  return datasetHashes;
}

/** The row a run is stored as (not written yet): its summary, and its view without the generated data. */
export function newStoredRun(pipelineId: string, view: RunView, datasetHashes: Record<string, string>, now: number, sweep?: StoredRun['sweep']): StoredRun {
  return {
    id: newId(), pipelineId, versionHash: view.record.versionHash, createdAt: now, summary: summarizeRun(view.record),
    view: { ...view, generatedData: [] }, datasetHashes, ...(sweep ? { sweep } : {}),
  };
}

/** A pipeline's runs, newest first. */
export function listRuns(db: PipelabDb, pipelineId: string): Promise<StoredRun[]> {
  return db.runs.where('[pipelineId+createdAt]').between([pipelineId, -Infinity], [pipelineId, Infinity]).reverse().toArray();
}

/** One run, or undefined. */
export function getRun(db: PipelabDb, id: string): Promise<StoredRun | undefined> {
  return db.runs.get(id);
}

/** Deletes runs and their models. */
export function deleteRuns(db: PipelabDb, ids: readonly string[]): Promise<void> {
  return db.transaction('rw', db.runs, db.models, async () => {
    await db.models.bulkDelete([...ids]);
    await db.runs.bulkDelete([...ids]);
  });
}
