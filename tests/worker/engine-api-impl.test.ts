import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/engine/progress';
import { createEngineApi } from '../../src/worker/engine-api-impl';
import { nodeDataSource } from '../../src/cli/node-data-source';
import { NODE_RUNTIME } from '../../src/cli/node-tf';
import { loadExample, tf } from '../helpers';

// The engine API made by its factory in Node (what the worker exposes): each engine keeps its
// own state (started backend, last run, cache), so two engines never see each other's runs.

const engine = () => createEngineApi({ tf, dataSource: nodeDataSource, runtime: NODE_RUNTIME });
const iris = () => {
  const s = loadExample('iris-logreg');
  s.steps[3].params.epochs = 5;
  return s;
};

describe('createEngineApi', () => {
  it('refuses to run before init, saying what to do', async () => {
    await expect(engine().run(iris(), () => {})).rejects.toThrow('The engine was not initialised: call init first.');
  });

  it('runs a spec with its progress in batches, and keeps the last run for the calls that read it', async () => {
    const api = engine();
    expect(await api.init('cpu')).toMatchObject({ name: 'cpu', auto: false });
    const events: ProgressEvent[] = [];
    const view = await api.run(iris(), (batch) => events.push(...batch));
    expect(view.record.status).toBe('done');
    expect(view.record.environment.runtime).toBe(NODE_RUNTIME);
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(5);
    expect(events.at(-1)).toMatchObject({ type: 'step-end', stepId: 'evaluate' });
    expect(await api.stepView('split')).not.toBeNull();
    expect((await api.tryItSetup())?.runKey).toBe(view.record.resultHash);
    expect(await api.exportModel()).not.toBeNull();
    expect(api.whereAmI()).toBe('main');
  });

  it('holds no state between engines: a second engine has no last run, and its own cache', async () => {
    const first = engine();
    const second = engine();
    await first.init('cpu');
    await second.init('cpu');
    const a = await first.run(iris(), () => {});
    expect(await second.stepView('split')).toBeNull();
    expect(await second.tryItSetup()).toBeNull();
    expect(await second.exportModel()).toBeNull();
    const b = await second.run(iris(), () => {});
    expect(b.record.steps.every((s) => s.status !== 'cached')).toBe(true); // the first engine's cache is not shared
    expect(b.record.resultHash).toBe(a.record.resultHash);
    const again = await first.run(iris(), () => {});
    expect(again.record.steps.some((s) => s.status === 'cached')).toBe(true);
  });

  it('leaves no tensors behind after a run, a replay and an export', async () => {
    const api = engine();
    await api.init('cpu');
    await api.run(loadExample('spiral-mlp'), () => {}); // a first run loads what stays loaded (kernels, the cache's entries are plain data)
    const before = tf.memory().numTensors;
    await api.run({ ...loadExample('spiral-mlp'), seed: 7 }, () => {});
    await api.replay();
    await api.exportModel();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stores only the file it previewed last, and says so for another', async () => {
    const api = engine();
    const preview = await api.previewFile(new File(['a,b\n1,2\n3,4\n'], 'small.csv'), () => {});
    expect(preview.rows).toBe(2);
    await expect(api.storePreviewed('not-that-hash', 'unused')).rejects.toThrow(/no longer holds this file.*pick the file again/);
  });
});
