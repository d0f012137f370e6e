import { describe, expect, it } from 'vitest';
import { snapshotEpochs } from '../../src/core/snapshot-schedule';
import { buildRunView } from '../../src/engine/run-view';
import { buildReplay } from '../../src/engine/training-replay';
import { loadExample, run, tf } from '../helpers';

// Its own file (its own worker), so the cpu tests never share a realm with wasm.
describe('the training replay on a tensor backend (wasm)', () => {
  it('records the spiral MLP trained with tensors, ending at the final boundary, with no tensor left behind', async () => {
    const before = tf.memory().numTensors;
    const plain = await run(loadExample('spiral-mlp'), { backend: 'wasm' });
    const result = await run(loadExample('spiral-mlp'), { backend: 'wasm', recordReplay: true });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.record.environment.backend).toBe('wasm');
    expect(result.record.resultHash).toBe(plain.record.resultHash);
    const view = buildRunView(tf, result);
    const snapshots = buildReplay(tf, result.replay!)!.snapshots;
    expect(tf.memory().numTensors).toBe(before);
    expect(snapshots.map((s) => s.epoch)).toEqual(snapshotEpochs(120));
    expect(Array.from(snapshots.at(-1)!.cellClass!)).toEqual(Array.from(view.boundary!.cellClass));
    expect(Array.from(snapshots[0].cellClass!)).not.toEqual(Array.from(view.boundary!.cellClass));
    expect(tf.memory().numTensors).toBe(before);
  });
});
