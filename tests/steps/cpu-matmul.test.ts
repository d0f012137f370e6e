import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';
import { javascriptKernels, wasmKernels, type MatrixKernels } from '../../src/steps/model/kernels/cpu-matmul';
import { assemble, MODULE_FILE, moduleSource } from '../../scripts/build-wasm';

// Products of every orientation, with shapes around the SIMD width (4) and the block (48).
const shapes: [number, number, number][] = [[1, 1, 1], [3, 5, 4], [7, 3, 49], [32, 64, 64], [13, 10, 97], [64, 9, 32], [5, 4, 48], [2, 6, 0]];

function run(kernels: MatrixKernels, seed: number, rows: number, cols: number, shared: number) {
  const rng = new Prng(seed);
  const fill = (n: number) => {
    const x = kernels.alloc(n);
    for (let i = 0; i < n; i++) x[i] = i % 11 === 3 ? 0 : rng.normal() * (i % 7 === 0 ? 1e-3 : 3);
    return x;
  };
  const [a, b, aT, bT] = [fill(rows * shared), fill(shared * cols), fill(shared * rows), fill(cols * shared)];
  const outs = [kernels.alloc(rows * cols), kernels.alloc(rows * cols), kernels.alloc(rows * cols)];
  kernels.matMul(outs[0], a, b, rows, cols, shared);
  kernels.matMulTransposeA(outs[1], aT, b, rows, cols, shared);
  kernels.matMulTransposeB(outs[2], a, bT, rows, cols, shared);
  return outs.map((o) => Array.from(new Uint32Array(Float32Array.from(o).buffer)));
}

describe('the WebAssembly SIMD matMul', () => {
  it.each(shapes)('%i × %i over %i shared: the bits of the JavaScript kernels in every orientation', (rows, cols, shared) => {
    const wasm = wasmKernels(4 * 64 * 97 + 64 * 97, 3 * 68 * 100);
    expect(wasm).not.toBeNull(); // Node 20 has WebAssembly SIMD
    const expected = run(javascriptKernels(), rows * 1000 + shared, rows, cols, shared);
    expect(run(wasm!, rows * 1000 + shared, rows, cols, shared)).toEqual(expected);
    if (shared > 0) expect(expected[0].some((bits) => bits !== 0)).toBe(true);
  });

  it('refuses a matrix that does not live in its memory, rather than reading the wrong bytes', () => {
    const wasm = wasmKernels(16, 16)!;
    const out = wasm.alloc(4);
    expect(() => wasm.matMul(out, new Float32Array(4), wasm.alloc(4), 2, 2, 2)).toThrow(/outside/);
  });

  it('hands a released memory to the next run, zeroed, and never one still in use', () => {
    const first = wasmKernels(1000, 16)!;
    const used = first.alloc(1000).fill(7);
    const concurrent = wasmKernels(10, 4)!.alloc(10);
    expect(concurrent.buffer).not.toBe(used.buffer);
    first.release!();
    const next = wasmKernels(2000, 16)!.alloc(2000); // grows the reused memory
    expect(next.every((x) => x === 0)).toBe(true);
  });

  it('is built from the committed .wat source (npm run build:wasm)', async () => {
    expect(readFileSync(MODULE_FILE, 'utf8')).toBe(moduleSource(await assemble()));
  });
});
