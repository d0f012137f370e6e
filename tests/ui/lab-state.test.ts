import { afterEach, describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../../src/core/spec';
import type { StoredRun } from '../../src/storage/records';
import { LabState } from '../../src/ui/state/lab.svelte';
import { RunnerState } from '../../src/ui/state/runner.svelte';
import { loadExample } from '../helpers';
import { standInEngine, standInPool, type StandInOptions } from './engine-stand-in';

// LabState through stand-in engines (tests/ui/engine-stand-in.ts): reproducing a stored run,
// seed studies (and stopping one), and the backend comparison.

const labs: LabState[] = [];
afterEach(() => labs.splice(0).forEach((l) => l.dispose()));

const iris = (): PipelineSpec => loadExample('iris-logreg');

function lab(options: StandInOptions = {}) {
  const { pool, made } = standInPool(options);
  const state = new LabState(pool);
  labs.push(state);
  return { state, made };
}

/** A run as the app stores it, made by the (stand-in) editor engine. */
async function storedRun(spec: PipelineSpec): Promise<StoredRun> {
  const runner = new RunnerState(standInEngine().client);
  await runner.useBackend('cpu');
  await runner.run(spec);
  const view = runner.view!;
  return { id: 'run-1', pipelineId: 'p', versionHash: view.record.versionHash, createdAt: 0, summary: {} as StoredRun['summary'], view };
}

describe('LabState', () => {
  it('reproduces a stored run bit for bit on its backend', async () => {
    const { state } = lab();
    await state.reproduce(await storedRun(iris()));
    expect(state.reproduction).toMatchObject({ runId: 'run-1', backend: 'cpu', status: 'done', error: null });
    expect(state.reproduction?.divergence).toMatchObject({ identical: true, firstStep: null });
  });

  it('names the first step that differs when the run does not reproduce', async () => {
    const { state } = lab({ alter: (s) => ({ ...s, seed: s.seed + 1 }) }); // an engine that splits differently
    await state.reproduce(await storedRun(iris()));
    expect(state.reproduction?.status).toBe('done');
    expect(state.reproduction?.divergence).toMatchObject({ identical: false, firstStep: { id: 'split' } });
  });

  it('says when the run’s backend cannot start here', async () => {
    const { state } = lab({ backends: ['cpu'] });
    const run = await storedRun(iris());
    const onWasm = { ...run, view: { ...run.view, record: { ...run.view.record, environment: { ...run.view.record.environment, backend: 'wasm' } } } };
    await state.reproduce(onWasm);
    expect(state.reproduction).toMatchObject({ status: 'failed', error: 'the wasm backend is not available in this browser' });
  });

  it('runs a seed study: other seeds give other results, its own seed the same every time', async () => {
    const { state } = lab();
    const spec = iris();
    await state.seedStudy(spec, 3, 2, 'cpu');
    const study = state.study!;
    expect(study).toMatchObject({ status: 'done', done: 5, total: 5, error: null });
    expect(study.points.map((p) => [p.seed, p.sameSeed])).toEqual([[spec.seed, false], [spec.seed + 1, false], [spec.seed + 2, false], [spec.seed, true], [spec.seed, true]]);
    expect(study.points[1].resultHash).not.toBe(study.points[0].resultHash);
    expect(study.points[3].resultHash).toBe(study.points[0].resultHash);
    expect(study.points[4].resultHash).toBe(study.points[0].resultHash);
  });

  it('stops a seed study after the run under way, keeping the points so far', async () => {
    const { state, made } = lab({ hold: (i) => i === 1 });
    const study = state.seedStudy(iris(), 4, 0, 'cpu');
    await expect.poll(() => made.length).toBe(1);
    await made[0].started(1);
    state.cancelStudy();
    await study;
    expect(state.study).toMatchObject({ status: 'cancelled', done: 1, error: null });
  });

  it('compares the backends against cpu, and marks one that does not start here unavailable', async () => {
    const { state } = lab({ backends: ['cpu', 'wasm'] });
    await state.compareBackends(iris());
    const [cpu, wasm, webgl] = state.backends!;
    expect(cpu).toMatchObject({ backend: 'cpu', status: 'done', maxPredictionDiff: null });
    expect(wasm).toMatchObject({ backend: 'wasm', status: 'done', maxPredictionDiff: 0, resultHash: cpu.resultHash });
    expect(Object.values(wasm.metricDiffs).every((d) => d === 0)).toBe(true);
    expect(webgl).toMatchObject({ backend: 'webgl', status: 'unavailable', error: 'webgl did not start here' });
    expect(state.comparingBackends).toBe(false);
  });
});
