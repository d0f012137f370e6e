import { describe, expect, it } from 'vitest';
import { predictPoints, predictRaw, tryItSetup } from '../../src/engine/try-it/try-it';
import { loadExample, run, tf } from '../helpers';

// Its own file (its own worker): on wasm the networks predict with tensors, which must all be freed.
describe.each(['wasm', 'cpu'])('try-it requests on the %s backend', (backend) => {
  it('leaves tf.memory().numTensors unchanged after 100 raw-row requests in a row', async () => {
    const result = await run(loadExample('penguins-mlp'), { backend });
    expect(tf.getBackend()).toBe(backend);
    const setup = tryItSetup(result)!;
    const before = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) {
      const t = setup.testRows[i % setup.testRows.length];
      const row = Object.fromEntries(setup.columns.map((c, j) => [c.name, t.values[j]]));
      const [outcome] = await predictRaw(tf, result, setup.runKey, [row]);
      expect(outcome.ok).toBe(true);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves tf.memory().numTensors unchanged after 100 decision-map clicks', async () => {
    const result = await run(loadExample('spiral-mlp'), { backend });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) {
      const [p] = predictPoints(tf, result, result.record.resultHash!, [[i / 50 - 1, 0.5]])!;
      expect(p[0] + p[1]).toBeCloseTo(1, 5);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
