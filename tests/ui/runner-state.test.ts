import { describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../../src/core/spec';
import { RunnerState } from '../../src/ui/state/runner.svelte';
import { loadExample } from '../helpers';
import { standInEngine } from './engine-stand-in';

// RunnerState through a stand-in engine (tests/ui/engine-stand-in.ts): starting a backend,
// a run's lights and results, failures, cancelling, and what an edit makes stale.

const iris = (): PipelineSpec => {
  const s = loadExample('iris-logreg');
  s.steps[3].params.epochs = 5;
  return s;
};

async function startedRunner(engine = standInEngine()) {
  const runner = new RunnerState(engine.client);
  await runner.useBackend('auto');
  return { runner, engine };
}

describe('RunnerState', () => {
  it('starts the chosen backend and says which it got; a start that fails says so, naming the backend', async () => {
    const { runner, engine } = await startedRunner();
    expect(engine.starts).toEqual(['auto']);
    expect(runner.status).toBe('idle');
    expect(runner.backend).toMatchObject({ name: 'cpu', auto: true });
    const broken = new RunnerState(standInEngine({ failStart: 'no WebGL here' }).client);
    await broken.useBackend('webgl');
    expect(broken.status).toBe('failed');
    expect(broken.error).toBe('Could not start the webgl backend: no WebGL here');
  });

  it('runs a pipeline: every step done, the results on show, live training cleared at the end', async () => {
    const { runner } = await startedRunner();
    const spec = iris();
    await runner.run(spec);
    expect(runner.status).toBe('done');
    expect(runner.error).toBeNull();
    expect(runner.view?.record.metrics.accuracy).toBeGreaterThan(0.5);
    for (const s of spec.steps) expect(runner.light(spec, s.id).light).toBe('done');
    expect(runner.liveHistory.length).toBeGreaterThan(0); // the epochs reported while training
    expect(runner.live).toBeNull();
    runner.showStep('split');
    expect(runner.stepView).not.toBeNull();
  });

  it('marks the edited step and those after it stale, not those before', async () => {
    const { runner } = await startedRunner();
    const spec = iris();
    await runner.run(spec);
    expect(runner.resultsStale(spec)).toBe(false);
    const edited = structuredClone(spec);
    edited.steps[2].enabled = false; // the scaler
    expect(runner.resultsStale(edited)).toBe(true);
    expect(edited.steps.map((s) => runner.light(edited, s.id).light)).toEqual(['done', 'done', 'stale', 'stale', 'stale']);
  });

  it('reports a failed run with the engine message and leaves it on show', async () => {
    const { runner } = await startedRunner();
    const spec = iris();
    spec.steps = spec.steps.filter((s) => s.id !== 'split'); // a model needs a split
    await runner.run(spec);
    expect(runner.status).toBe('failed');
    expect(runner.error).toMatch(/split/i);
    expect(runner.view?.record.status).toBe('failed');
  });

  it('cancels a run under way; a second run asked for meanwhile is ignored', async () => {
    const engine = standInEngine({ hold: (i) => i === 0 });
    const { runner } = await startedRunner(engine);
    const running = runner.run(iris());
    await engine.started(0);
    expect(runner.status).toBe('running');
    await runner.run(iris()); // ignored while running
    expect(engine.runs).toHaveLength(1);
    runner.cancel();
    await running;
    expect(runner.status).toBe('cancelled');
    await runner.run(iris());
    expect(runner.status).toBe('done');
  });

  it('shows a stored run as it was, and nothing when given none', async () => {
    const { runner } = await startedRunner();
    const spec = iris();
    await runner.run(spec);
    const view = runner.view!;
    runner.showStored(null);
    expect(runner.view).toBeNull();
    expect(runner.light(spec, 'model').light).toBe('not-run');
    runner.showStored(view);
    expect(runner.status).toBe('done');
    expect(runner.light(spec, 'model').light).toBe('done');
  });
});
