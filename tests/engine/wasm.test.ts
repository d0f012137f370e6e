import { describe, expect, it } from 'vitest';
import { EXAMPLES, loadExample, run, tf } from '../helpers';

// Runs in its own test file (its own worker), so the cpu golden tests never share a realm with wasm.
describe.each(EXAMPLES)('examples/%s.json on the wasm backend', (name) => {
  it('runs to the end, repeats its result hash, and scores like cpu', async () => {
    const before = tf.memory().numTensors;
    const wasm = (await run(loadExample(name), { backend: 'wasm' })).record;
    expect(wasm.status).toBe('done');
    expect(wasm.environment.backend).toBe('wasm');
    expect(tf.memory().numTensors).toBe(before);
    const again = (await run(loadExample(name), { backend: 'wasm' })).record;
    expect(again.resultHash).toBe(wasm.resultHash);
    const cpu = (await run(loadExample(name), { backend: 'cpu' })).record;
    expect(cpu.configHash).not.toBe(wasm.configHash);
    const key = 'accuracy' in cpu.metrics ? 'accuracy' : 'r2';
    expect(Math.abs(wasm.metrics[key] - cpu.metrics[key])).toBeLessThan(0.03);
  });
});
