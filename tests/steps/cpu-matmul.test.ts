import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';
import { javascriptKernels, wasmKernels, type MatrixKernels } from '../../src/steps/model/kernels/cpu-matmul';
import type { KernelVariant } from '../../src/steps/model/kernels/kernel-module';
import { assemble, MODULE_FILE, moduleSource } from '../../scripts/build-wasm';

// Node 20 runs relaxed SIMD behind a flag (Chromium since 114 without): both builds are compared.
v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
const variants: KernelVariant[] = ['plain', 'relaxed'];

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

// Seeded values with zeros, negatives and a range of magnitudes.
function filled(kernels: MatrixKernels, n: number, seed: number): Float32Array {
  const rng = new Prng(seed);
  const x = kernels.alloc(n);
  for (let i = 0; i < n; i++) x[i] = i % 11 === 3 ? 0 : rng.normal() * (i % 7 === 0 ? 1e-3 : 3);
  return x;
}

const bitsOf = (x: Float32Array) => Array.from(new Uint32Array(Float32Array.from(x).buffer));

describe('the WebAssembly SIMD matMul', () => {
  it.each(variants.flatMap((v) => shapes.map((s) => [v, ...s] as const)))('%s: %i × %i over %i shared: the bits of the JavaScript kernels in every orientation', (variant, rows, cols, shared) => {
    const wasm = wasmKernels(4 * 64 * 97 + 64 * 97, 3 * 68 * 100, variant);
    expect(wasm).not.toBeNull(); // Node 20 has WebAssembly SIMD
    const expected = run(javascriptKernels(), rows * 1000 + shared, rows, cols, shared);
    expect(run(wasm!, rows * 1000 + shared, rows, cols, shared)).toEqual(expected);
    if (shared > 0) expect(expected[0].some((bits) => bits !== 0)).toBe(true);
  });

  it.each(variants.flatMap((v) => [[v, 32, 64, 64], [v, 11, 10, 64], [v, 5, 3, 7], [v, 1, 1, 1]] as const))('%s: a dense layer %i × %i over %i: the bits of the JavaScript matMul, bias Add and Relu', (variant, rows, cols, shared) => {
    const dense = (kernels: MatrixKernels) => {
      const [x, w, bias] = [filled(kernels, rows * shared, 1), filled(kernels, shared * cols, 2), filled(kernels, cols, 3)];
      const [pre, relu, plain] = [kernels.alloc(rows * cols), kernels.alloc(rows * cols), kernels.alloc(rows * cols)];
      kernels.dense(pre, x, w, bias, rows, cols, shared, relu);
      kernels.dense(plain, x, w, bias, rows, cols, shared, null);
      return [pre, relu, plain].map(bitsOf);
    };
    const expected = dense(javascriptKernels());
    expect(dense(wasmKernels(8 * 64 * 64, 4 * 64 * 68, variant)!)).toEqual(expected);
    if (rows * cols > 8) expect(expected[1].some((bits) => bits === 0) && expected[1].some((bits) => bits !== 0)).toBe(true); // some Relus cut, some pass
  });

  it.each([1, 4, 7, 2048])('Relu’s gradient, the column sums and the L2 penalty over %i values: the bits of the JavaScript kernels', (n) => {
    const elementwise = (kernels: MatrixKernels) => {
      const [dy, pre, g, w] = [filled(kernels, n, 4), filled(kernels, n, 5), filled(kernels, n, 6), filled(kernels, n, 7)];
      pre[0] = NaN; // NaN in, NaN out (as tfjs's step gives)
      if (n > 2) pre[2] = -0;
      const [into, sums] = [kernels.alloc(n), kernels.alloc(n)];
      kernels.reluGradient(into, dy, pre, n);
      kernels.columnSums(sums, dy, n % 2 === 0 ? 2 : 1, n % 2 === 0 ? n / 2 : n);
      kernels.addPenalty(g, w, Math.fround(0.5e-4 / 32), n);
      return [into, sums, g].map(bitsOf);
    };
    const expected = elementwise(javascriptKernels());
    expect(elementwise(wasmKernels(16 * n, 0)!)).toEqual(expected);
    expect(Number.isNaN(new Float32Array(Uint32Array.from(expected[0]).buffer)[0])).toBe(true);
  });

  it.each([7, 8, 1])('gathers rows of width %i in a seeded order, as the JavaScript kernel does', (width) => {
    const gather = (kernels: MatrixKernels) => {
      const from = filled(kernels, 9 * width, 8);
      const order = kernels.allocIndices(9);
      order.set(new Prng(2).permutation(9));
      const into = kernels.alloc(5 * width);
      kernels.gatherRows(into, from, order, 3, 5, width); // rows order[3…8)
      return bitsOf(into);
    };
    const expected = gather(javascriptKernels());
    expect(gather(wasmKernels(20 * width + 9, 0)!)).toEqual(expected);
    expect(new Set(expected).size).toBeGreaterThan(width); // distinct rows came through
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
    expect(readFileSync(MODULE_FILE, 'utf8')).toBe(moduleSource(await assemble(), await assemble(true)));
  });
});
