import type { RunView } from '../engine/run-view';
import type { PipelabDb } from './db';
import { dataVersionOf } from './data-versions-repo';
import { putDataset } from './datasets-repo';
import { newId } from './ids';
import { guardedWrite } from './quota';
import type { StoredRun } from './records';
import { summarizeRun } from './run-summary';
import { pipelineLabel } from './stored-spec';

/**
 * Stores a finished (or failed, or cancelled) run and makes it the pipeline's last
 * run. Data sets the run generated are stored once by content hash and left out
 * of the stored view, which refers to them by hash.
 */
export async function saveRun(db: PipelabDb, pipelineId: string, view: RunView, now = Date.now()): Promise<StoredRun> {
  const run = newStoredRun(pipelineId, view, await storeRunData(db, view), now);
  await guardedWrite(() =>
    db.transaction('rw', db.runs, db.pipelines, async () => {
      await db.runs.add(run);
      await db.pipelines.update(pipelineId, { lastRunId: run.id, staleData: null });
    }),
  );
  return run;
}

/** The version number of every imported file a run read, by step id. */
async function versionsRead(db: PipelabDb, dataHashes: Readonly<Record<string, string>>): Promise<NonNullable<StoredRun['dataVersions']>> {
  const out: Record<string, { name: string; number: number; hash: string }> = {};
  for (const [stepId, hash] of Object.entries(dataHashes)) {
    const version = await dataVersionOf(db, hash);
    if (version) out[stepId] = { name: version.name, number: version.number, hash };
  }
  return out;
}

/** What a stored run says about its data: generated sets by hash, and which version of each imported file it read. */
export interface RunData {
  readonly datasetHashes: Record<string, string>;
  readonly dataVersions: NonNullable<StoredRun['dataVersions']>;
}

/** Stores the data sets a run generated (once each, by content hash) and looks up the versions of the files it read. */
export async function storeRunData(db: PipelabDb, view: RunView): Promise<RunData> {
  const datasetHashes: Record<string, string> = {};
  for (const data of view.generatedData ?? []) datasetHashes[data.stepId] = await putDataset(db, `${data.stepId}.csv`, 'csv', data.csv, { origin: 'generated' });
  return { datasetHashes, dataVersions: await versionsRead(db, view.record.dataHashes) };
}

/** The row a run is stored as (not written yet): its summary, and its view without the generated data. */
export function newStoredRun(pipelineId: string, view: RunView, data: RunData, now: number, sweep?: StoredRun['sweep']): StoredRun {
  return {
    id: newId(), pipelineId, versionHash: view.record.versionHash, createdAt: now, summary: summarizeRun(view.record),
    view: { ...view, generatedData: [] }, ...data, ...(sweep ? { sweep } : {}),
  };
}

/** A pipeline's runs, newest first (each record's spec restored). */
export async function listRuns(db: PipelabDb, pipelineId: string): Promise<StoredRun[]> {
  const runs = await runRange(db, pipelineId).reverse().toArray();
  return restoredRuns(db, runs);
}

/** The ids of a pipeline's runs, newest first (nothing else read). */
export async function runIdsOf(db: PipelabDb, pipelineId: string): Promise<string[]> {
  return (await runRange(db, pipelineId).reverse().primaryKeys()) as string[];
}

function runRange(db: PipelabDb, pipelineId: string) {
  return db.runs.where('[pipelineId+createdAt]').between([pipelineId, -Infinity], [pipelineId, Infinity]);
}

/** One run (its record's spec restored), or undefined. */
export async function getRun(db: PipelabDb, id: string): Promise<StoredRun | undefined> {
  const run = await db.runs.get(id);
  return run && (await restoredRuns(db, [run]))[0];
}

/** Runs by id, in the given order, leaving out those that are gone (each record's spec restored). */
export async function getRuns(db: PipelabDb, ids: readonly string[]): Promise<StoredRun[]> {
  const runs = (await db.runs.bulkGet([...ids])).filter((r): r is StoredRun => Boolean(r));
  return restoredRuns(db, runs);
}

/** Runs with their record's spec through restore; an error names the run and its pipeline. */
async function restoredRuns(db: PipelabDb, runs: readonly StoredRun[]): Promise<StoredRun[]> {
  const names = new Map<string, unknown>();
  for (const id of new Set(runs.map((r) => r.pipelineId))) names.set(id, (await db.pipelines.get(id))?.name);
  return runs.map((run) => {
    const where = `the run of ${new Date(run.createdAt).toISOString()} of ${pipelineLabel(names.get(run.pipelineId))}`;
    const spec = db.readSpec(run.view.record.spec, where);
    return { ...run, view: { ...run.view, record: { ...run.view.record, spec } } };
  });
}

/** Deletes runs and their models. */
export function deleteRuns(db: PipelabDb, ids: readonly string[]): Promise<void> {
  return db.transaction('rw', db.runs, db.models, async () => {
    await db.models.bulkDelete([...ids]);
    await db.runs.bulkDelete([...ids]);
  });
}
