import { describe, expect, it } from 'vitest';
import { snapshotEpochs } from '../../src/core/snapshot-schedule';
import { buildRunView } from '../../src/engine/run-view';
import { MemoryStepCache } from '../../src/engine/step-cache';
import { ReplayRecorder, buildReplay } from '../../src/engine/training-replay';
import type { RunResult } from '../../src/engine/run-pipeline';
import { doc, loadExample, run, spec, tf } from '../helpers';

/** The run's view and the replay built from its recording. */
const withReplay = (result: RunResult) => ({ ...buildRunView(tf, result), replay: result.replay ? buildReplay(tf, result.replay) : null });

const circle = (model: Record<string, unknown>) =>
  spec(doc([
    { id: 'data', kind: 'data.synthetic', params: { shape: 'circle', samples: 300, noise: 0.05 } },
    { id: 'split', kind: 'split.train-test', params: { testFraction: 0.25, stratify: true } },
    { id: 'model', ...model },
    { id: 'evaluate', kind: 'evaluate.classification', params: {} },
  ]));

describe('the training replay', () => {
  it('records the spiral MLP at the scheduled epochs, ending exactly at the final result', async () => {
    const before = tf.memory().numTensors;
    const result = await run(loadExample('spiral-mlp'), { recordReplay: true });
    expect(tf.memory().numTensors).toBe(before);
    const view = withReplay(result);
    const replay = view.replay!;
    expect(replay.unit).toBe('epoch');
    expect(replay.totalEpochs).toBe(120);
    expect(replay.snapshots.map((s) => s.epoch)).toEqual(snapshotEpochs(120));
    expect(replay.snapshots.length).toBeLessThanOrEqual(30);
    const first = replay.snapshots[0];
    const last = replay.snapshots[replay.snapshots.length - 1];
    expect(Array.from(last.cellClass!)).toEqual(Array.from(view.boundary!.cellClass));
    expect(Array.from(last.cellConfidence!)).toEqual(Array.from(view.boundary!.cellConfidence));
    expect(Array.from(first.cellClass!)).not.toEqual(Array.from(last.cellClass!));
    expect(last.kernels!.map((k) => Array.from(k))).toEqual(view.network!.kernels.map((k) => Array.from(k)));
    expect(Array.from(first.kernels![1])).not.toEqual(Array.from(last.kernels![1]));
    expect(last.test).toBeCloseTo(view.record.metrics.accuracy, 12);
    expect(last.train).toBeCloseTo(view.record.trainMetrics.accuracy, 12);
    expect(first.test).toBeLessThan(last.test);
  });

  it('changes neither the run record hashes nor the record itself', async () => {
    const plain = await run(loadExample('spiral-mlp'));
    const recorded = await run(loadExample('spiral-mlp'), { recordReplay: true });
    expect(plain.replay ?? null).toBeNull();
    expect(recorded.record.resultHash).toBe(plain.record.resultHash);
    expect(recorded.record.steps.map((s) => s.outputHash)).toEqual(plain.record.steps.map((s) => s.outputHash));
    expect(recorded.record.configHash).toBe(plain.record.configHash);
    expect(JSON.stringify(recorded.record)).not.toContain('snapshots');
  });

  it('keeps the replay with a cached model step, outside its cache key', async () => {
    const cache = new MemoryStepCache();
    const first = await run(loadExample('spiral-mlp'), { recordReplay: true, cache });
    const again = await run(loadExample('spiral-mlp'), { recordReplay: true, cache });
    expect(again.record.steps.find((s) => s.id === 'model')?.status).toBe('cached');
    expect(again.replay?.epochs.length).toBe(first.replay?.epochs.length);
    const plainCache = new MemoryStepCache();
    await run(loadExample('spiral-mlp'), { cache: plainCache });
    const served = await run(loadExample('spiral-mlp'), { recordReplay: true, cache: plainCache });
    expect(served.record.steps.find((s) => s.id === 'model')?.status).toBe('cached');
  });

  it('records logistic regression with adam by epoch and with lbfgs by iteration', async () => {
    const adam = withReplay(await run(circle({ kind: 'model.logistic-regression', params: { solver: 'adam', epochs: 40 } }), { recordReplay: true }));
    expect(adam.replay!.unit).toBe('epoch');
    expect(adam.replay!.snapshots.map((s) => s.epoch)).toEqual(snapshotEpochs(40));
    expect(Array.from(adam.replay!.snapshots.at(-1)!.cellClass!)).toEqual(Array.from(adam.boundary!.cellClass));
    const lbfgs = withReplay(await run(circle({ kind: 'model.logistic-regression', params: { solver: 'lbfgs' } }), { recordReplay: true }));
    const replay = lbfgs.replay!;
    expect(replay.unit).toBe('iteration');
    expect(replay.totalEpochs).toBe(lbfgs.record.history.length);
    expect(replay.snapshots.at(-1)!.epoch).toBe(replay.totalEpochs);
    expect(Array.from(replay.snapshots.at(-1)!.cellConfidence!)).toEqual(Array.from(lbfgs.boundary!.cellConfidence));
    expect(replay.snapshots[0].kernels).toHaveLength(1);
  });

  it('scores an MLP regressor by R² and keeps no grid without two features', async () => {
    const diabetes = spec(doc([
      { id: 'data', kind: 'data.builtin', params: { name: 'diabetes' } },
      { id: 'split', kind: 'split.train-test', params: {} },
      { id: 'scale', kind: 'transform.standardize', params: {} },
      { id: 'model', kind: 'model.mlp-regressor', params: { hiddenLayers: [8], epochs: 12 } },
      { id: 'evaluate', kind: 'evaluate.regression', params: {} },
    ]));
    const view = withReplay(await run(diabetes, { recordReplay: true }));
    expect(view.replay!.metric).toBe('r2');
    expect(view.replay!.snapshots).toHaveLength(12);
    expect(view.replay!.snapshots[0].cellClass).toBeNull();
    expect(view.replay!.snapshots.at(-1)!.test).toBeCloseTo(view.record.metrics.r2, 9);
  });

  it('keeps at most 30 snapshots of the digits MLP, weights only, in bounded bytes', async () => {
    const digits = loadExample('digits-mlp');
    const long = { ...digits, steps: digits.steps.map((s) => (s.id === 'model' ? { ...s, params: { ...s.params, epochs: 45 } } : s)) };
    const recorded = (await run(long, { recordReplay: true })).replay!;
    // What the run keeps: 30 copies of the 64×32 + 32 + 32×10 + 10 float32 weights; it does not grow with the epochs.
    expect(recorded.epochs).toHaveLength(30);
    expect(recorded.bytes).toBe(30 * (64 * 32 + 32 + 32 * 10 + 10) * 4);
    const replay = buildReplay(tf, recorded)!;
    expect(replay.snapshots).toHaveLength(30);
    expect(replay.snapshots[0].cellClass).toBeNull();
    expect(replay.bytes).toBe(30 * (64 * 32 + 32 * 10) * 4);
  });

  it('keeps no weights past the cap for a big network, but still its boundary and metrics', async () => {
    const big = circle({ kind: 'model.mlp-classifier', params: { hiddenLayers: [256, 256], epochs: 3 } });
    const result = await run(big, { recordReplay: true });
    expect(result.replay!.bytes).toBe(0);
    const view = withReplay(result);
    expect(view.replay!.snapshots).toHaveLength(3);
    expect(view.replay!.snapshots.every((s) => s.kernels === null && s.cellClass !== null)).toBe(true);
    expect(view.replay!.networkNote).toMatch(/67,074 weights, more than the 50,000/);
    expect(Array.from(view.replay!.snapshots.at(-1)!.cellClass!)).toEqual(Array.from(view.boundary!.cellClass));
  });

  it('hands snapshot boundaries on live once training has run a while, within a share of its time', async () => {
    const result = await run(loadExample('spiral-mlp'));
    const model = result.outputs.find((o) => o.stepId === 'model')!.state.model!;
    const input = result.outputs.find((o) => o.stepId === 'split')!.state;
    const live: number[] = [];
    const eager = new ReplayRecorder(tf, 'model', input, (epoch, b) => live.push(epoch + 0 * b.size), 0);
    eager.record(1, 120, model);
    eager.record(2, 120, model); // the first grid's time is over 2 % of the (near zero) training time so far
    expect(live).toEqual([1]);
    const patient = new ReplayRecorder(tf, 'model', input, (epoch) => live.push(epoch), 60_000);
    patient.record(1, 120, model);
    expect(live).toEqual([1]);
  });

  it('records nothing under cross-validation', async () => {
    const result = await run(loadExample('iris-cv'), { recordReplay: true });
    expect(result.record.status).toBe('done');
    expect(result.replay ?? null).toBeNull();
  });
});
