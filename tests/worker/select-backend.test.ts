import { afterAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../src/worker/select-backend';
import { tf } from '../helpers';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('selectBackend', () => {
  it('starts cpu for Auto where the WebAssembly SIMD kernels run (wasm is never loaded)', async () => {
    const info = await selectBackend(tf, 'auto', true);
    expect(info).toMatchObject({ name: 'cpu', floatPrecision: 32, auto: true, tried: [] });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('starts wasm for Auto without SIMD kernels, and the chosen backend otherwise', async () => {
    expect(await selectBackend(tf, 'auto', false)).toMatchObject({ name: 'wasm', auto: true });
    expect(await selectBackend(tf, 'cpu', false)).toMatchObject({ name: 'cpu', auto: false });
    expect(await selectBackend(tf, 'wasm', true)).toMatchObject({ name: 'wasm', auto: false });
  });
});
