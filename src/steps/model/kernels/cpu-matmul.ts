import { activateInPlace, addPenalty, addRowVector, columnSums, gatherRows, matMul, matMulTransposeA, matMulTransposeB, reluGradient } from './cpu-kernels';
import { CPU_MATMUL_WASM, CPU_MATMUL_WASM_RELAXED } from './cpu-matmul-wasm';

/**
 * Float32 buffers for one training run on the cpu backend, and the three matrix
 * products the loop needs over them (all row-major; every one gives exactly the bits
 * of tfjs cpu's BatchMatMul). Buffers passed to the products must come from `alloc`.
 */
export interface MatrixKernels {
  /** A zeroed float32 buffer. */
  alloc(length: number): Float32Array;
  /** A zeroed int32 buffer (row indices), counted in floats as `alloc` counts them. */
  allocIndices(length: number): Int32Array;
  /** Rows order[start…start+rows) of a row-major matrix with `width` columns, into the first rows of `into`. */
  gatherRows(into: Float32Array, from: Float32Array, order: Int32Array, start: number, rows: number, width: number): void;
  /** out (rows × cols) = a (rows × shared) · b (shared × cols). */
  matMul(out: Float32Array, a: Float32Array, b: Float32Array, rows: number, cols: number, shared: number): void;
  /** out (rows × cols) = aᵀ · b, a being shared × rows. */
  matMulTransposeA(out: Float32Array, a: Float32Array, b: Float32Array, rows: number, cols: number, shared: number): void;
  /** out (rows × cols) = a · bᵀ, b being cols × shared. */
  matMulTransposeB(out: Float32Array, a: Float32Array, b: Float32Array, rows: number, cols: number, shared: number): void;
  /** A dense layer: pre (rows × cols) = x · w + bias, and relu = max(0, pre) where given. */
  dense(pre: Float32Array, x: Float32Array, w: Float32Array, bias: Float32Array, rows: number, cols: number, shared: number, relu: Float32Array | null): void;
  /** Relu's gradient: into = dy · step(pre) over `length` values. */
  reluGradient(into: Float32Array, dy: Float32Array, pre: Float32Array, length: number): void;
  /** out[j] = the sum of column j of a rows × cols matrix (float64 in row order). */
  columnSums(out: Float32Array, m: Float32Array, rows: number, cols: number): void;
  /** g ← g + penalty · (w · 2) over `length` values: the L2 penalty's gradient. */
  addPenalty(g: Float32Array, w: Float32Array, penalty: number, length: number): void;
  /** An Adam step over buffers from `alloc`, where these kernels have their own (cpu-optimizers.ts runs it otherwise). */
  adam?(w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, c: AdamConstants): void;
  /** Hands the buffers back for a later run to reuse; none of them may be used afterwards. */
  release?(): void;
}

/** Adam's float32 constants for one step: β₁, 1−β₁, β₂, 1−β₂, the bias corrections 1−β₁ᵗ and 1−β₂ᵗ, ε and −learning rate. */
export interface AdamConstants {
  readonly b1: number;
  readonly c1: number;
  readonly b2: number;
  readonly c2: number;
  readonly oneMinusAcc1: number;
  readonly oneMinusAcc2: number;
  readonly eps: number;
  readonly step: number;
}

/** The JavaScript kernels (cpu-kernels.ts) over ordinary arrays: the fallback where WebAssembly SIMD is missing. */
export function javascriptKernels(): MatrixKernels {
  const dense: MatrixKernels['dense'] = (pre, x, w, bias, rows, cols, shared, relu) => {
    matMul(pre, x, w, rows, cols, shared);
    addRowVector(pre, bias, rows, cols);
    if (relu) activateInPlace(relu, pre, rows * cols, 'relu');
  };
  return { alloc: (length) => new Float32Array(length), allocIndices: (length) => new Int32Array(length), gatherRows, matMul, matMulTransposeA, matMulTransposeB, dense, reluGradient, columnSums, addPenalty };
}

type WasmMatMul = (out: number, a: number, aI: number, aK: number, b: number, bK: number, bJ: number, rows: number, cols: number, shared: number, work: number) => void;
type WasmBiasRelu = (m: number, bias: number, act: number, rows: number, cols: number) => void;
type WasmReluGradient = (into: number, dy: number, pre: number, n: number) => void;
type WasmColumnSums = (out: number, m: number, rows: number, cols: number) => void;
type WasmPenalty = (g: number, w: number, n: number, penalty: number) => void;
type WasmAdam = (w: number, g: number, m: number, v: number, n: number, constants: number) => void;

/** Which build of the kernel module: plain SIMD, or with relaxed SIMD's multiply-add in the matMul (same bits; fused where the processor has FMA). */
export type KernelVariant = 'plain' | 'relaxed';

const compiled: Partial<Record<KernelVariant, WebAssembly.Module | null>> = {};

/** A build of the kernel module (cpu-matmul.wat), compiled once; null where this engine cannot run it. */
function kernelModule(variant: KernelVariant): WebAssembly.Module | null {
  if (compiled[variant] === undefined) {
    try {
      const bytes = Uint8Array.from(atob(variant === 'relaxed' ? CPU_MATMUL_WASM_RELAXED : CPU_MATMUL_WASM), (c) => c.charCodeAt(0));
      compiled[variant] = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      compiled[variant] = null;
    }
  }
  return compiled[variant];
}

/** The fastest build this engine runs: relaxed SIMD where it has it (Chromium since 114), else plain SIMD; null without SIMD. */
function bestVariant(): KernelVariant | null {
  if (kernelModule('relaxed')) return 'relaxed';
  return kernelModule('plain') ? 'plain' : null;
}

/** Whether this engine runs the WebAssembly SIMD kernels (else the cpu backend trains with the slower JavaScript ones). */
export function simdKernelsAvailable(): boolean {
  return bestVariant() !== null;
}

/** Scratch floats the WebAssembly matMul needs for a rows × cols product over `shared`: both operands widened to float64 (padded to four lines). */
export function matMulWork(rows: number, cols: number, shared: number): number {
  return 2 * (((rows + 3) & ~3) + ((cols + 3) & ~3)) * shared;
}

/**
 * The WebAssembly SIMD kernels over one memory holding `floats` float32s (all the
 * buffers a run will ask for) plus `workFloats` of scratch (matMulWork of its largest
 * product; a released memory is reused: creating one per run would leave the collector
 * many to free); null where WebAssembly SIMD is unavailable. Faster than the JavaScript
 * kernels (README, Performance, has the figures), with the same bits (unit-tested
 * against them); Adam's step runs there too. `variant` picks a build (tests compare both).
 */
export function wasmKernels(floats: number, workFloats: number, variant = bestVariant()): MatrixKernels | null {
  const module = variant && kernelModule(variant);
  if (!module) return null;
  const pool = idle[variant];
  const instance = pool.pop() ?? newInstance(module);
  const work = (floats * 4 + 15) & ~15; // 16-byte aligned
  const constants = work + workFloats * 4 + 16; // the matMul may read 16 bytes past its output
  const bytes = constants + 32;
  const { memory } = instance;
  if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
  const { matMul: run, adam } = instance.exports;
  const buffer = memory.buffer;
  let used = 0;
  const alloc = (length: number) => {
    if (used + length > floats) throw new Error(`The training buffers need more than the ${floats} floats reserved.`);
    const view = new Float32Array(buffer, used * 4, length);
    view.fill(0); // the memory is reused from run to run
    used += length;
    return view;
  };
  const at = (x: Float32Array | Int32Array) => {
    if (x.buffer !== buffer) throw new Error('A matrix outside the kernels’ memory was passed to the WebAssembly matMul.');
    return x.byteOffset;
  };
  const product = (out: Float32Array, a: Float32Array, aI: number, aK: number, b: Float32Array, bK: number, bJ: number, rows: number, cols: number, shared: number) => {
    const [o, x, y] = [at(out), at(a), at(b)];
    if (matMulWork(rows, cols, shared) > workFloats) throw new Error(`A ${rows}×${cols} product over ${shared} needs more than the ${workFloats} scratch floats reserved.`);
    run(o, x, aI, aK, y, bK, bJ, rows, cols, shared, work);
  };
  const e = instance.exports;
  const adamConstants = new Float32Array(buffer, constants, 8);
  return {
    alloc,
    allocIndices: (length) => {
      const view = alloc(length);
      return new Int32Array(view.buffer, view.byteOffset, length);
    },
    gatherRows: (into, from, order, start, rows, width) => e.gatherRows(at(into), at(from), at(order), start, rows, width),
    matMul: (out, a, b, rows, cols, shared) => product(out, a, 4 * shared, 4, b, 4 * cols, 4, rows, cols, shared),
    matMulTransposeA: (out, a, b, rows, cols, shared) => product(out, a, 4, 4 * rows, b, 4 * cols, 4, rows, cols, shared),
    matMulTransposeB: (out, a, b, rows, cols, shared) => product(out, a, 4 * shared, 4, b, 4, 4 * shared, rows, cols, shared),
    dense: (pre, x, w, bias, rows, cols, shared, relu) => {
      product(pre, x, 4 * shared, 4, w, 4 * cols, 4, rows, cols, shared);
      e.biasRelu(at(pre), at(bias), relu ? at(relu) : -1, rows, cols);
    },
    reluGradient: (into, dy, pre, length) => e.reluGradient(at(into), at(dy), at(pre), length),
    columnSums: (out, m, rows, cols) => e.columnSums(at(out), at(m), rows, cols),
    addPenalty: (g, w, penalty, length) => e.addPenalty(at(g), at(w), length, penalty),
    adam: (w, g, m, v, c) => {
      const k = adamConstants; // index by index: a step allocates nothing
      k[0] = c.b1;
      k[1] = c.c1;
      k[2] = c.b2;
      k[3] = c.c2;
      k[4] = c.oneMinusAcc1;
      k[5] = c.oneMinusAcc2;
      k[6] = c.eps;
      k[7] = c.step;
      adam(at(w), at(g), at(m), at(v), w.length, constants);
    },
    release: () => {
      if (pool.length < 2 && memory.buffer.byteLength <= KEEP_BYTES) pool.push(instance);
    },
  };
}

/** A kernel module instance and its memory, reused by later runs once released. */
interface KernelInstance {
  readonly memory: WebAssembly.Memory;
  readonly exports: {
    readonly matMul: WasmMatMul;
    readonly biasRelu: WasmBiasRelu;
    readonly adam: WasmAdam;
    readonly reluGradient: WasmReluGradient;
    readonly columnSums: WasmColumnSums;
    readonly addPenalty: WasmPenalty;
    readonly gatherRows: (into: number, from: number, order: number, start: number, rows: number, width: number) => void;
  };
}

/** Released instances per build: each run takes one (or makes one), so runs never share buffers, and at most two memories (per build) stay around. */
const idle: Record<KernelVariant, KernelInstance[]> = { plain: [], relaxed: [] };

/** A memory grown past this (a big data set's run) is left to the collector rather than kept: WebAssembly memory never shrinks. */
const KEEP_BYTES = 64 * 2 ** 20;

function newInstance(module: WebAssembly.Module): KernelInstance {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelInstance['exports'];
  return { memory, exports };
}
