import type { ParamValue } from '../core/params';
import type { PipelineSpec } from '../core/spec';
import type { RunView } from '../engine/run-view';
import type { PipelabDb } from './db';
import { newId } from './ids';
import { guardedWrite } from './quota';
import type { StoredRun, StoredSweep, StoredSweepAxis, StoredSweepPoint, SweepStatus } from './records';
import { newStoredRun, storeRunData } from './runs-repo';

/** What a new sweep is made of: the grid (already expanded and checked) and how to rank it. */
export interface NewSweep {
  readonly pipelineId: string;
  readonly baseSpec: PipelineSpec;
  readonly axes: readonly StoredSweepAxis[];
  readonly seeds: number;
  readonly metric: string;
  readonly backend: string;
  readonly points: readonly { readonly settings: Readonly<Record<string, ParamValue>>; readonly seed: number }[];
}

/** Stores a new sweep with every point queued; it starts in status 'running' (its queue is to be drained). */
export async function createSweep(db: PipelabDb, input: NewSweep, now = Date.now()): Promise<StoredSweep> {
  if (input.points.length === 0) throw new Error('A sweep needs at least one point to run; the grid arrived empty.');
  const points = input.points.map((p): StoredSweepPoint => ({
    settings: p.settings, seed: p.seed, status: 'queued', runId: null, metrics: {}, resultHash: null, error: null,
  }));
  const sweep: StoredSweep = { ...input, id: newId(), status: 'running', points, createdAt: now, updatedAt: now };
  await guardedWrite(() => db.sweeps.add(sweep));
  return sweep;
}

/** One sweep, or undefined. */
export function getSweep(db: PipelabDb, id: string): Promise<StoredSweep | undefined> {
  return db.sweeps.get(id);
}

/** A pipeline's sweeps, newest first. */
export async function listSweeps(db: PipelabDb, pipelineId: string): Promise<StoredSweep[]> {
  const all = await db.sweeps.where('pipelineId').equals(pipelineId).toArray();
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

/** Sweeps whose queue is still to be drained (status 'running'), oldest first: what resumes after a reload. */
export async function activeSweeps(db: PipelabDb): Promise<StoredSweep[]> {
  const all = await db.sweeps.where('status').equals('running').toArray();
  return all.sort((a, b) => a.createdAt - b.createdAt);
}

/** The index of the next point to run: the first queued one, or one left 'running' by a reload; -1 when none. */
export function nextPoint(sweep: StoredSweep): number {
  return sweep.points.findIndex((p) => p.status === 'queued' || p.status === 'running');
}

/** Marks a point as in flight. Returns the updated sweep (undefined when it is gone). */
export function markPointRunning(db: PipelabDb, sweepId: string, index: number, now = Date.now()): Promise<StoredSweep | undefined> {
  return updatePoint(db, sweepId, index, { status: 'running', error: null }, now);
}

/**
 * Stores a point's run as an ordinary run of the pipeline (tagged with the sweep) and
 * marks the point done (or failed, when the run failed) in one transaction, so a reload
 * never sees one without the other. The pipeline's last run is left as it was.
 */
export async function completePoint(db: PipelabDb, sweepId: string, index: number, view: RunView, now = Date.now()): Promise<{ run: StoredRun; sweep: StoredSweep }> {
  const sweep = await db.sweeps.get(sweepId);
  if (!sweep) throw new Error(`No sweep ${sweepId}: it was deleted while its point ${index + 1} ran.`);
  const run = newStoredRun(sweep.pipelineId, view, await storeRunData(db, view), now, { id: sweepId, point: index });
  const record = view.record;
  const done = record.status === 'done';
  const change: Partial<StoredSweepPoint> = {
    status: done ? 'done' : 'failed', runId: run.id, metrics: { ...record.metrics }, resultHash: record.resultHash,
    error: done ? null : (record.error?.message ?? `the run ended ${record.status}`),
  };
  const updated = await guardedWrite(() =>
    db.transaction('rw', db.runs, db.sweeps, async () => {
      await db.runs.add(run);
      return writePoint(db, sweepId, index, change, now);
    }),
  );
  if (!updated) throw new Error(`No sweep ${sweepId}: it was deleted while its point ${index + 1} ran.`);
  return { run, sweep: updated };
}

/** Marks a point failed without a run (the engine could not run it at all). */
export function failPoint(db: PipelabDb, sweepId: string, index: number, message: string, now = Date.now()): Promise<StoredSweep | undefined> {
  return updatePoint(db, sweepId, index, { status: 'failed', error: message }, now);
}

/** Stops a sweep: the point in flight goes back to the queue, and nothing more runs until it is resumed. */
export function cancelSweep(db: PipelabDb, id: string, now = Date.now()): Promise<StoredSweep | undefined> {
  return setStatus(db, id, 'cancelled', now);
}

/** Makes a cancelled sweep drain its queue again (it is 'done' straight away when nothing is left). */
export function resumeSweep(db: PipelabDb, id: string, now = Date.now()): Promise<StoredSweep | undefined> {
  return setStatus(db, id, 'running', now);
}

/** Deletes a sweep; its runs stay (they are ordinary runs of the pipeline). */
export function deleteSweep(db: PipelabDb, id: string): Promise<void> {
  return db.sweeps.delete(id);
}

function setStatus(db: PipelabDb, id: string, wanted: SweepStatus, now: number): Promise<StoredSweep | undefined> {
  return guardedWrite(() =>
    db.transaction('rw', db.sweeps, async () => {
      const sweep = await db.sweeps.get(id);
      if (!sweep) return undefined;
      const points = sweep.points.map((p) => (p.status === 'running' ? { ...p, status: 'queued' as const } : p));
      const next = { ...sweep, points, status: settle(points, wanted), updatedAt: now };
      await db.sweeps.put(next);
      return next;
    }),
  );
}

function updatePoint(db: PipelabDb, sweepId: string, index: number, change: Partial<StoredSweepPoint>, now: number): Promise<StoredSweep | undefined> {
  return guardedWrite(() => db.transaction('rw', db.sweeps, () => writePoint(db, sweepId, index, change, now)));
}

/** Inside a transaction: changes one point and settles the sweep's status. */
async function writePoint(db: PipelabDb, sweepId: string, index: number, change: Partial<StoredSweepPoint>, now: number): Promise<StoredSweep | undefined> {
  const sweep = await db.sweeps.get(sweepId);
  if (!sweep) return undefined;
  if (index < 0 || index >= sweep.points.length) throw new Error(`Sweep ${sweepId} has points 0 to ${sweep.points.length - 1}; got point ${index}.`);
  const points = sweep.points.map((p, i) => (i === index ? { ...p, ...change } : p));
  const next = { ...sweep, points, status: settle(points, sweep.status), updatedAt: now };
  await db.sweeps.put(next);
  return next;
}

/** A sweep with nothing left to run is done, whatever was asked. */
function settle(points: readonly StoredSweepPoint[], wanted: SweepStatus): SweepStatus {
  return points.some((p) => p.status === 'queued' || p.status === 'running') ? wanted : 'done';
}
