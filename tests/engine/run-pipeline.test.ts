import { describe, expect, it } from 'vitest';
import { MemoryStepCache } from '../../src/engine/step-cache';
import type { ProgressEvent } from '../../src/engine/progress';
import { doc, loadExample, run, spec, tf } from '../helpers';

describe('runPipeline on the iris example', () => {
  it('returns a complete run record and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const { record, outputs } = await run(loadExample('iris-logreg'));
    expect(tf.memory().numTensors).toBe(before);
    expect(record.status).toBe('done');
    expect(record.error).toBeNull();
    expect(record.environment).toMatchObject({ backend: 'cpu', floatPrecision: 32, tfjsVersion: '4.22.0', engineVersion: '1' });
    expect(record.environment.runtime).toMatch(/^node v\d+/);
    expect(record.resultHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.configHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.dataHashes.data).toMatch(/^[0-9a-f]{64}$/);
    expect(record.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(record.steps.every((s) => /^[0-9a-f]{64}$/.test(s.outputHash ?? ''))).toBe(true);
    expect(record.metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(record.trainMetrics.accuracy).toBeGreaterThan(0.9);
    expect(record.history).toHaveLength(100);
    expect(record.history[99].trainLoss).toBeLessThan(record.history[0].trainLoss);
    expect(outputs).toHaveLength(5);
  });

  it('gives the same hashes every time for the same spec and seed, and other ones for another seed', async () => {
    const a = (await run(loadExample('iris-logreg'))).record;
    const b = (await run(loadExample('iris-logreg'))).record;
    expect(b.resultHash).toBe(a.resultHash);
    expect(b.configHash).toBe(a.configHash);
    expect(b.steps.map((s) => s.outputHash)).toEqual(a.steps.map((s) => s.outputHash));
    const other = loadExample('iris-logreg');
    other.seed = 7;
    const c = (await run(other)).record;
    expect(c.resultHash).not.toBe(a.resultHash);
    expect(c.configHash).not.toBe(a.configHash);
    expect(c.steps[0].outputHash).toBe(a.steps[0].outputHash); // loading data draws nothing
  });

  it("keeps each step's randomness when another step is inserted, and ignores the pipeline's name", async () => {
    const base = loadExample('spiral-mlp');
    const a = (await run(base)).record;
    const edited = loadExample('spiral-mlp');
    edited.name = 'renamed';
    edited.steps.splice(2, 0, { id: 'scale', kind: 'transform.standardize', params: {}, enabled: true });
    const b = (await run(edited)).record;
    expect(b.steps[0].outputHash).toBe(a.steps[0].outputHash);
    expect(b.steps[1].outputHash).toBe(a.steps[1].outputHash);
    const renamed = loadExample('spiral-mlp');
    renamed.name = 'another name';
    const c = (await run(renamed)).record;
    expect(c.configHash).toBe(a.configHash);
    expect(c.versionHash).not.toBe(a.versionHash);
  });

  it('skips disabled steps: the same config hash as without them', async () => {
    const withDisabled = loadExample('iris-logreg');
    withDisabled.steps[2].enabled = false;
    const without = loadExample('iris-logreg');
    without.steps.splice(2, 1);
    const a = (await run(withDisabled)).record;
    const b = (await run(without)).record;
    expect(a.steps[2].status).toBe('skipped');
    expect(a.configHash).toBe(b.configHash);
    expect(a.resultHash).toBe(b.resultHash);
  });
});

describe('runPipeline when things go wrong', () => {
  it('records a failing step by name, marks the rest not run, and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const s = spec(doc([
      { id: 'data', kind: 'data.builtin' },
      { id: 'model', kind: 'model.logistic-regression' },
      { id: 'evaluate', kind: 'evaluate.classification' },
    ]));
    const { record } = await run(s);
    expect(tf.memory().numTensors).toBe(before);
    expect(record.status).toBe('failed');
    expect(record.resultHash).toBeNull();
    expect(record.error?.stepId).toBe('model');
    expect(record.error?.message).toMatch(/Step "model" \(Logistic regression\) failed: .*Split step/);
    expect(record.steps.map((x) => x.status)).toEqual(['done', 'failed', 'not-run']);
  });

  it('explains a model that does not fit the task', async () => {
    const s = spec(doc([
      { id: 'data', kind: 'data.builtin', params: { name: 'diabetes' } },
      { id: 'split', kind: 'split.train-test', params: { stratify: false } },
      { id: 'model', kind: 'model.mlp-classifier' },
    ]));
    const { record } = await run(s);
    expect(record.error?.message).toMatch(/asks for regression/);
  });

  it('stops promptly when cancelled during training, with a cancelled record and no leak', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let epochsAfterAbort = 0;
    const onProgress = (e: ProgressEvent) => {
      if (e.type !== 'epoch') return;
      if (controller.signal.aborted) epochsAfterAbort++;
      if (e.epoch === 3) controller.abort();
    };
    const { record } = await run(loadExample('digits-mlp'), { signal: controller.signal, onProgress });
    expect(tf.memory().numTensors).toBe(before);
    expect(record.status).toBe('cancelled');
    expect(record.steps.find((x) => x.id === 'model')?.status).toBe('cancelled');
    expect(record.steps.find((x) => x.id === 'evaluate')?.status).toBe('not-run');
    expect(epochsAfterAbort).toBe(0);
    expect(record.resultHash).toBeNull();
  });

  it('fails with a clear message when a data file cannot be read', async () => {
    const dataSource = { load: async () => Promise.reject(new Error('offline')) };
    const { record } = await run(loadExample('iris-logreg'), { dataSource });
    expect(record.status).toBe('failed');
    expect(record.error?.message).toMatch(/Step "data" could not load its data file iris.csv: offline/);
  });

  it('fails with a clear message on a backend this runtime lacks', async () => {
    const { record } = await run(loadExample('iris-logreg'), { backend: 'webgl' });
    expect(record.status).toBe('failed');
    expect(record.error?.message).toMatch(/webgl backend is not available/);
    expect(tf.getBackend()).toBe('cpu');
  });
});

describe('runPipeline progress and cache', () => {
  it('streams step and epoch events in order', async () => {
    const events: ProgressEvent[] = [];
    await run(loadExample('iris-logreg'), { onProgress: (e) => events.push(e) });
    const steps = events.filter((e) => e.type !== 'epoch').map((e) => `${e.type}:${e.stepId}`);
    expect(steps.slice(0, 4)).toEqual(['step-start:data', 'step-end:data', 'step-start:split', 'step-end:split']);
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(epochs).toHaveLength(100);
    expect(epochs[0]).toMatchObject({ stepId: 'model', epoch: 1, epochs: 100 });
  });

  it('reuses unchanged steps from the cache and re-runs only what changed', async () => {
    const cache = new MemoryStepCache();
    const first = (await run(loadExample('iris-logreg'), { cache })).record;
    const again = (await run(loadExample('iris-logreg'), { cache })).record;
    expect(again.steps.map((s) => s.status)).toEqual(['cached', 'cached', 'cached', 'cached', 'cached']);
    expect(again.resultHash).toBe(first.resultHash);
    const edited = loadExample('iris-logreg');
    edited.steps[3].params.learningRate = 0.05;
    const third = (await run(edited, { cache })).record;
    expect(third.steps.map((s) => s.status)).toEqual(['cached', 'cached', 'cached', 'done', 'done']);
    const fresh = (await run(edited)).record;
    expect(third.resultHash).toBe(fresh.resultHash);
  });
});
