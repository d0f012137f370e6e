import { afterEach, describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../../src/core/spec';
import type { RunView } from '../../src/engine/run-view';
import { createPipeline, deletePipeline } from '../../src/storage/pipelines-repo';
import type { PipelabDb } from '../../src/storage/db';
import { listRuns } from '../../src/storage/runs-repo';
import { getSweep } from '../../src/storage/sweeps-repo';
import { getHead, listVersions } from '../../src/storage/versions-repo';
import { SweepState, type SweepRequest } from '../../src/ui/state/sweep.svelte';
import type { EngineClient } from '../../src/worker/engine-client';
import { EnginePool } from '../../src/worker/engine-pool';
import { loadExample, run } from '../helpers';
import { bareView, freshDb } from '../storage/helpers';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const base = (): PipelineSpec => {
  const s = loadExample('iris-logreg');
  s.steps[3].params.epochs = 10;
  return s;
};
const request: SweepRequest = { axes: [{ stepId: 'model', param: 'learningRate', values: [0.05, 0.5] }], seeds: 2, metric: 'accuracy' };

/**
 * An engine client that runs in-process on Node's cpu backend. `gate(i)` may hold the
 * i-th run (counted from 0) before it starts, until cancel() is called, which then ends it as cancelled.
 */
function fakeEngine(gate: (i: number) => boolean = () => false) {
  const specs: PipelineSpec[] = [];
  let cancelled = false;
  let release: (() => void) | null = null;
  const client = {
    start: async (choice: string) => ({ name: choice, floatPrecision: 32, tried: [] }),
    run: async (spec: PipelineSpec): Promise<RunView> => {
      const i = specs.push(spec) - 1;
      cancelled = false;
      if (gate(i)) {
        if (!cancelled) await new Promise<void>((resolve) => (release = resolve));
        const { record } = await run({ ...spec, steps: spec.steps.slice(0, 1) });
        return bareView({ ...record, status: 'cancelled', metrics: {} });
      }
      return bareView((await run(spec)).record);
    },
    cancel: () => {
      cancelled = true;
      release?.();
    },
    stop: () => undefined,
  };
  return { specs, pool: new EnginePool(() => client as unknown as EngineClient) };
}

async function setup(engine = fakeEngine()) {
  const { db } = freshDb();
  const pipeline = await createPipeline(db, base(), 'tab');
  const state = new SweepState(db, engine.pool);
  cleanups.push(() => {
    state.dispose();
    db.close();
  });
  return { db, pipeline, state, engine };
}

/** Waits for a state (checked every 20 ms) for up to a generous minute, then fails naming it: a wait, never a speed bound. */
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 3000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`a state was not reached within a minute: ${check.toString()}`);
};

async function statuses(db: PipelabDb, id: string): Promise<string[]> {
  return ((await getSweep(db, id))?.points ?? []).map((p) => p.status);
}

describe('SweepState', () => {
  it('drains the grid point by point into stored runs tagged with the sweep, with the results of direct runs', async () => {
    const { db, pipeline, state, engine } = await setup();
    const sweep = (await state.start(pipeline.id, base(), request, 'cpu'))!;
    await state.resume();
    const done = (await getSweep(db, sweep.id))!;
    expect(done.status).toBe('done');
    expect(engine.specs.map((s) => [s.steps[3].params.learningRate, s.seed])).toEqual([[0.05, 42], [0.05, 43], [0.5, 42], [0.5, 43]]);
    const runs = await listRuns(db, pipeline.id);
    expect(runs.map((r) => r.sweep?.point).sort()).toEqual([0, 1, 2, 3]);
    const direct = base();
    direct.steps[3].params.learningRate = 0.5;
    direct.seed = 43;
    expect(done.points[3].resultHash).toBe((await run(direct)).record.resultHash);
    expect(done.points.every((p) => p.status === 'done' && typeof p.metrics.accuracy === 'number')).toBe(true);
  });

  it('resumes after a reload: the point that was running is run again and the sweep finishes', async () => {
    const first = await setup(fakeEngine((i) => i === 2));
    const sweep = (await first.state.start(first.pipeline.id, base(), request, 'cpu'))!;
    await until(async () => (await statuses(first.db, sweep.id)).join() === 'done,done,running,queued');
    expect(await statuses(first.db, sweep.id)).toEqual(['done', 'done', 'running', 'queued']);
    // A reload: a new state (and engine) on the same database; the old run never comes back.
    const engine = fakeEngine();
    const after = new SweepState(first.db, engine.pool);
    cleanups.unshift(() => after.dispose());
    await after.resume();
    expect((await getSweep(first.db, sweep.id))?.points.map((p) => p.error)).toEqual([null, null, null, null]);
    expect(await statuses(first.db, sweep.id)).toEqual(['done', 'done', 'done', 'done']);
    expect(engine.specs.map((s) => [s.steps[3].params.learningRate, s.seed])).toEqual([[0.5, 42], [0.5, 43]]);
    expect(await listRuns(first.db, first.pipeline.id)).toHaveLength(4);
  });

  it('cancel stops the run in flight and leaves the rest queued; resume finishes it', async () => {
    const { db, pipeline, state } = await setup(fakeEngine((i) => i === 1));
    const sweep = (await state.start(pipeline.id, base(), request, 'cpu'))!;
    await until(async () => (await statuses(db, sweep.id))[1] === 'running');
    await state.cancel(sweep.id);
    await until(async () => state.inFlight === null);
    const cancelled = (await getSweep(db, sweep.id))!;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.points.map((p) => p.status)).toEqual(['done', 'queued', 'queued', 'queued']);
    expect(await listRuns(db, pipeline.id)).toHaveLength(1);
    await state.resumeCancelled(sweep.id);
    expect(await statuses(db, sweep.id)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('the test hook holds the queue at a known point (marked running, not yet run); a cancel lets it go without running it', async () => {
    const { db, pipeline, state, engine } = await setup();
    state.holdBeforePoint(2);
    const sweep = (await state.start(pipeline.id, base(), request, 'cpu'))!;
    await until(async () => (await statuses(db, sweep.id))[2] === 'running');
    expect(state.inFlight).toEqual({ sweepId: sweep.id, index: 2 });
    expect(engine.specs).toHaveLength(2); // the held point has not reached the engine
    await state.cancel(sweep.id);
    await until(async () => state.inFlight === null);
    expect(await statuses(db, sweep.id)).toEqual(['done', 'done', 'queued', 'queued']);
    expect(engine.specs).toHaveLength(2);
    await state.resumeCancelled(sweep.id);
    expect(await statuses(db, sweep.id)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('stops the sweep of a deleted pipeline instead of running it in the background', async () => {
    const { db, pipeline, state, engine } = await setup();
    await deletePipeline(db, pipeline.id);
    const sweep = (await state.start(pipeline.id, base(), request, 'cpu'))!;
    await state.resume();
    expect((await getSweep(db, sweep.id))?.status).toBe('cancelled');
    expect(engine.specs).toEqual([]);
  });

  it('refuses a bad grid with a message naming the param, and pins the best setting beside the head', async () => {
    const { db, pipeline, state } = await setup();
    expect(await state.start(pipeline.id, base(), { ...request, axes: [{ stepId: 'model', param: 'speed', values: [1] }] }, 'cpu')).toBeNull();
    expect(state.error).toMatch(/model\.speed: expected a parameter of model\.logistic-regression, got "speed"/);
    const sweep = (await state.start(pipeline.id, base(), request, 'cpu'))!;
    await state.resume();
    const done = (await getSweep(db, sweep.id))!;
    const mean = (lr: number) => done.points.filter((p) => p.settings['model.learningRate'] === lr).reduce((a, p) => a + p.metrics.accuracy, 0) / 2;
    const bestRate = mean(0.5) > mean(0.05) ? 0.5 : 0.05;
    const pinned = await state.pinBest(done);
    expect(pinned?.label).toBe(`sweep best: learningRate=${bestRate}`);
    const [version] = await listVersions(db, pipeline.id);
    expect(version.spec.steps[3].params.learningRate).toBe(bestRate);
    expect(version.spec.seed).toBe(42);
    expect(await getHead(db, pipeline.id)).toBeNull();
  });
});
