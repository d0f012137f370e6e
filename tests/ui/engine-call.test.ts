import { describe, expect, it } from 'vitest';
import { WorkerCrashedError } from '../../src/worker/engine-client';
import { loadExample } from '../helpers';
import { standInEngine } from './engine-stand-in';

// EngineClient.call, the one generic way the page asks the engine, through the stand-in (the
// real client over a MessageChannel to a factory-made engine): typed answers from the engine's
// last run, and calls in flight failed when the worker goes away. (A callback argument, the file
// preview's progress, is covered in a real browser by tests/e2e/import.e2e.ts: Node cannot clone a File.)

describe('EngineClient.call through the stand-in engine', () => {
  it('answers each method with what the engine returns, reading the last run the client made', async () => {
    const { client } = standInEngine();
    await client.start('cpu');
    expect(await client.call('whereAmI')).toBe('in-process stand-in');
    expect(await client.call('stepView', 'split')).toBeNull(); // no run yet
    const spec = loadExample('iris-logreg');
    const view = await client.run(spec, () => {});
    const step = await client.call('stepView', 'split');
    expect(step).not.toBeNull();
    const setup = await client.call('tryItSetup');
    expect(setup?.runKey).toBe(view.record.resultHash);
    const [outcome] = await client.call('predictRaw', view.record.resultHash!, [setup!.testRows[0].values.reduce((row, v, j) => ({ ...row, [setup!.columns[j].name]: v }), {})]);
    expect(outcome).toMatchObject({ ok: true, predicted: setup!.testRows[0].predicted });
    expect(await client.call('pythonInputs', spec)).toBeTruthy();
    client.stop();
  });

  it('fails a call in flight with WorkerCrashedError when the worker is stopped', async () => {
    const { client } = standInEngine({ hold: () => true });
    await client.start('cpu');
    const running = client.run(loadExample('iris-logreg'), () => {});
    const asked = client.call('whereAmI');
    await expect(asked).resolves.toBe('in-process stand-in'); // calls still answer while a run is held
    client.stop();
    await expect(running).rejects.toBeInstanceOf(WorkerCrashedError);
  });
});
