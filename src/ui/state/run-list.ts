// The runs list of the open pipeline, kept light so that a long session stays fast: the page
// holds each run's summary, never its view (step tables, histories, digests: ~50 KB of
// objects a run), and reads from IndexedDB only the runs it has not seen yet.
import type { PipelabDb } from '../../storage/db';
import type { RunRecord } from '../../engine/run-record';
import type { StoredRun } from '../../storage/records';
import { getRuns, runIdsOf } from '../../storage/runs-repo';

/** A run record without its per-epoch history and fold details: what lists and the run-relation banner read. */
export type BriefRecord = Omit<RunRecord, 'history' | 'crossValidation'>;

/** A stored run without its view: what tables, sorting and numbering read. */
export type RunRow = Omit<StoredRun, 'view'>;

/** A stored run as lists show it: its brief record, never its view (load the whole run with getRun to show or compare it). */
export type ListedRun = RunRow & { readonly record: BriefRecord };

/** The listed form of a stored run (its view dropped, its record kept without history). */
export function listedRun(run: StoredRun): ListedRun {
  const { view, ...listed } = run;
  const { history, crossValidation, ...record } = view.record;
  void history; // dropped with the view: read again when the run is shown or compared
  void crossValidation;
  return { ...listed, record };
}

/**
 * The runs of one pipeline, newest first, as ListedRuns. Runs are never changed once
 * stored (only added or deleted), so each is read once: a new run costs one read, not a
 * re-read of every run before it. Call `load` inside a Dexie liveQuery to follow changes.
 */
export class RunList {
  private readonly seen = new Map<string, ListedRun>();

  constructor(private readonly pipelineId: string) {}

  /** The pipeline's runs, newest first. */
  async load(db: PipelabDb): Promise<ListedRun[]> {
    const ids = await runIdsOf(db, this.pipelineId);
    const missing = ids.filter((id) => !this.seen.has(id));
    if (missing.length) {
      for (const run of await getRuns(db, missing)) this.seen.set(run.id, listedRun(run));
    }
    const kept = new Set(ids);
    for (const id of this.seen.keys()) if (!kept.has(id)) this.seen.delete(id);
    return ids.map((id) => this.seen.get(id)).filter((r): r is ListedRun => Boolean(r));
  }
}

/** The whole stored runs (views included) of listed runs, in their order; runs deleted meanwhile are left out. */
export async function wholeRuns(db: PipelabDb, runs: readonly RunRow[]): Promise<StoredRun[]> {
  return getRuns(db, runs.map((r) => r.id));
}
