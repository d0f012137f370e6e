import { liveQuery, type Subscription } from 'dexie';
import type { PipelineSpec } from '../../core/spec';
import { bestSettingFor, settingLabel } from '../../core/sweep-summary';
import { sweepGrid, type SweepAxis, type SweepPoint } from '../../engine/sweep';
import type { PipelabDb } from '../../storage/db';
import type { StoredRun, StoredSweep } from '../../storage/records';
import { getRun } from '../../storage/runs-repo';
import {
  activeSweeps, cancelSweep, completePoint, createSweep, deleteSweep, failPoint, listSweeps, markPointRunning, nextPoint, resumeSweep,
} from '../../storage/sweeps-repo';
import { recordVersion } from '../../storage/versions-repo';
import type { BackendChoice, DataOptions } from '../../worker/engine-api';
import { EnginePool } from '../../worker/engine-pool';
import { METRICS } from '../../steps/catalog';

/** What the user asks for: up to three axes, a number of seeds, and the metric to rank by. */
export interface SweepRequest {
  readonly axes: readonly SweepAxis[];
  readonly seeds: number;
  readonly metric: string;
}

/** The Web Lock held by the one tab that drains the sweep queue. */
const QUEUE_LOCK = 'pipelab-sweep-queue';

/** The most params one sweep varies. */
export const MAX_SWEEP_AXES = 3;

/**
 * Parameter sweeps: the grid is a queue in IndexedDB, drained one point at a time
 * in an engine worker of its own (so the editor and its Run stay free, and the
 * worker's step cache reuses the steps the points share). Every point becomes an
 * ordinary stored run tagged with the sweep. A reload resumes the queue.
 */
export class SweepState {
  /** The watched pipeline's sweeps, newest first (live). */
  sweeps = $state.raw<StoredSweep[]>([]);
  /** The point being run now, if any. */
  inFlight = $state.raw<{ sweepId: string; index: number } | null>(null);
  error = $state<string | null>(null);
  /** Finds the texts of the user's files a spec reads (set by the app; none by default). */
  /** Where the worker finds the user's imported files (the app's database name). */
  dataOptions: DataOptions = {};
  private draining: Promise<void> | null = null;
  /** Set by resume(): the queue is looked at again even when the drain was about to stop. */
  private wake = false;
  private watching: Subscription | null = null;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache of expanded grids, never rendered
  private readonly grids = new Map<string, SweepPoint[]>();
  /** The test hook's hold (see holdBeforePoint). */
  private hold: { index: number; gate: Promise<void>; open: () => void } | null = null;

  /**
   * @param pool the sweep's own engine workers
   * @param locks the browser's Web Locks: only one tab drains the queue at a time (another tab takes over when it closes)
   */
  constructor(
    readonly db: PipelabDb,
    private readonly pool = new EnginePool(),
    private readonly locks: LockManager | undefined = globalThis.navigator?.locks,
  ) {}

  /** Follows the sweeps of one pipeline (null: none). */
  watch(pipelineId: string | null): void {
    this.watching?.unsubscribe();
    this.watching = null;
    this.sweeps = [];
    if (!pipelineId) return;
    this.watching = liveQuery(() => listSweeps(this.db, pipelineId)).subscribe({
      next: (list) => (this.sweeps = list),
      error: (e) => (this.error = (e as Error).message),
    });
  }

  /** Expands the grid (errors name the step and param), stores it as a queue, and starts draining it. */
  async start(pipelineId: string, spec: PipelineSpec, request: SweepRequest, backend: string): Promise<StoredSweep | null> {
    try {
      if (request.axes.length === 0 || request.axes.length > MAX_SWEEP_AXES) throw new Error(`Pick 1 to ${MAX_SWEEP_AXES} parameters to sweep; got ${request.axes.length}.`);
      const grid = sweepGrid(spec, request.axes, request.seeds);
      const sweep = await createSweep(this.db, {
        pipelineId, baseSpec: spec, axes: request.axes, seeds: request.seeds, metric: request.metric, backend,
        points: grid.map((p) => ({ settings: p.settings, seed: p.seed })),
      });
      this.grids.set(sweep.id, grid);
      this.error = null;
      void this.resume();
      return sweep;
    } catch (err) {
      this.error = `The sweep could not start: ${(err as Error).message}`;
      return null;
    }
  }

  /** Drains every sweep left running (on app start: a point that was running at reload runs again). */
  resume(): Promise<void> {
    this.wake = true;
    if (this.draining) return this.draining;
    const exclusive = this.locks ? this.locks.request(QUEUE_LOCK, () => this.drain()).then(() => undefined) : this.drain();
    const draining = exclusive
      .catch((err: Error) => void (this.error = `The sweep queue stopped: ${err.message} Resume starts it again.`))
      .finally(() => (this.draining = null));
    this.draining = draining;
    return draining;
  }

  /** Stops a sweep: the run in flight is cancelled and goes back to the queue; the sweep can be resumed. */
  async cancel(id: string): Promise<void> {
    await cancelSweep(this.db, id);
    if (this.inFlight?.sweepId === id) {
      this.holdBeforePoint(null);
      this.pool.cancelAll();
    }
  }

  /**
   * Test hook, for the end-to-end tests only (reached through `window.pipelab.sweep`): the
   * queue stops at point `index` (counted from 0) once it is marked running and in flight,
   * before its run starts, until `holdBeforePoint(null)` or a cancel lets it go. A reload
   * then lands while that point is known to be in flight, without racing a clock.
   */
  holdBeforePoint(index: number | null): void {
    this.hold?.open();
    this.hold = null;
    if (index === null) return;
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    this.hold = { index, gate, open };
  }

  /** Resumes a cancelled sweep where it stopped. */
  async resumeCancelled(id: string): Promise<void> {
    await resumeSweep(this.db, id);
    await this.resume();
  }

  /** Deletes a sweep (its runs stay in the Runs tab). */
  async remove(id: string): Promise<void> {
    await this.cancel(id);
    await deleteSweep(this.db, id);
  }

  /** The stored run of a finished point, if it is still there. */
  async runOf(sweep: StoredSweep, index: number): Promise<StoredRun | undefined> {
    const runId = sweep.points[index]?.runId;
    return runId ? getRun(this.db, runId) : undefined;
  }

  /**
   * Records the best setting (mean over seeds, run with the pipeline's own seed) as a
   * labelled version, e.g. "sweep best: learningRate=0.1", beside the head (the editor is
   * not changed). Returns the version's hash and label, or null when no setting finished.
   */
  async pinBest(sweep: StoredSweep): Promise<{ hash: string; label: string } | null> {
    const best = bestSettingFor(sweep.points, sweep.metric, METRICS);
    if (!best) return null;
    const spec = { ...this.grid(sweep)[best.points[0]].spec, seed: sweep.baseSpec.seed };
    const label = `sweep best: ${settingLabel(best.settings)}`;
    return { hash: await recordVersion(this.db, sweep.pipelineId, spec, 'save', label, false), label };
  }

  /** Stops the sweep workers and the live query. */
  dispose(): void {
    this.watching?.unsubscribe();
    this.pool.dispose();
  }

  private async drain(): Promise<void> {
    for (;;) {
      this.wake = false;
      const [sweep] = await activeSweeps(this.db);
      if (!sweep && !this.wake) return;
      if (!sweep) continue;
      const pipeline = await this.db.pipelines.get(sweep.pipelineId);
      const index = nextPoint(sweep);
      if (!pipeline || pipeline.deletedAt !== null) await cancelSweep(this.db, sweep.id); // its pipeline was deleted: stop (undo leaves it resumable)
      else if (index < 0) await resumeSweep(this.db, sweep.id); // settles it as done
      else await this.runPoint(sweep, index);
    }
  }

  private async runPoint(sweep: StoredSweep, index: number): Promise<void> {
    await markPointRunning(this.db, sweep.id, index);
    this.inFlight = { sweepId: sweep.id, index };
    try {
      if (this.hold?.index === index) {
        await this.hold.gate;
        if ((await this.db.sweeps.get(sweep.id))?.status !== 'running') return; // cancelled while held
      }
      const spec = this.grid(sweep)[index].spec;
      const { client, info } = await this.pool.get(sweep.backend as BackendChoice);
      if (info.name !== sweep.backend) {
        this.pool.release(sweep.backend);
        this.error = `This sweep runs on ${sweep.backend}, which did not start in this browser (it got ${info.name}). It was stopped; Resume tries again.`;
        await cancelSweep(this.db, sweep.id);
        return;
      }
      const view = await client.run(spec, () => {}, { ...this.dataOptions });
      if (view.record.status !== 'cancelled') await completePoint(this.db, sweep.id, index, view);
    } catch (err) {
      const now = await this.db.sweeps.get(sweep.id);
      if (now?.status === 'running') await failPoint(this.db, sweep.id, index, (err as Error).message);
    } finally {
      this.inFlight = null;
    }
  }

  /** The sweep's grid (expanded once per sweep with the same function the CLI uses). */
  private grid(sweep: StoredSweep): SweepPoint[] {
    let grid = this.grids.get(sweep.id);
    if (!grid) this.grids.set(sweep.id, (grid = sweepGrid(sweep.baseSpec, sweep.axes, sweep.seeds)));
    return grid;
  }
}
