import { activateInPlace, addPenalty, addRowVector, columnSums, gatherRows, matMul, matMulTransposeA, matMulTransposeB, reluGradient } from './cpu-kernels';
import { bestVariant, takeInstance, type KernelExports } from './kernel-module';

/**
 * Float32 buffers for one training run on the cpu backend, and the kernels the loop
 * runs over them: three matrix products (all row-major; every one gives exactly the bits
 * of tfjs cpu's BatchMatMul) and element-wise ops with tfjs cpu's bits. Buffers passed
 * to them must come from `alloc`.
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
  const work = (floats * 4 + 15) & ~15; // 16-byte aligned
  const constants = work + workFloats * 4 + 16; // the matMul may read 16 bytes past its output
  const taken = variant && takeInstance(variant, constants + 32);
  if (!taken) return null;
  const buffer = taken.instance.memory.buffer;
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
  const product: Product = (out, a, aI, aK, b, bK, bJ, rows, cols, shared) => {
    const o = at(out);
    const x = at(a);
    const y = at(b);
    if (matMulWork(rows, cols, shared) > workFloats) throw new Error(`A ${rows}×${cols} product over ${shared} needs more than the ${workFloats} scratch floats reserved.`);
    taken.instance.exports.matMul(o, x, aI, aK, y, bK, bJ, rows, cols, shared, work);
  };
  return { ...bindKernels(taken.instance.exports, alloc, at, product), adam: adamStep(taken.instance.exports, at, new Float32Array(buffer, constants, 8)), release: taken.release };
}

/** A strided product in the kernels' memory: a(i, k) at a + i·aI + k·aK bytes, b(k, j) at b + k·bK + j·bJ. */
type Product = (out: Float32Array, a: Float32Array, aI: number, aK: number, b: Float32Array, bK: number, bJ: number, rows: number, cols: number, shared: number) => void;

/** The kernels over an instance's exports, given its allocator, the byte offset of a buffer, and the strided product. */
function bindKernels(e: KernelExports, alloc: (length: number) => Float32Array, at: (x: Float32Array | Int32Array) => number, product: Product): Omit<MatrixKernels, 'adam' | 'release'> {
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
  };
}

/** Adam's step in WebAssembly: its constants go through `constants` (eight floats in the memory), index by index, so a step allocates nothing. */
function adamStep(e: KernelExports, at: (x: Float32Array) => number, constants: Float32Array): NonNullable<MatrixKernels['adam']> {
  return (w, g, m, v, c) => {
    constants[0] = c.b1;
    constants[1] = c.c1;
    constants[2] = c.b2;
    constants[3] = c.c2;
    constants[4] = c.oneMinusAcc1;
    constants[5] = c.oneMinusAcc2;
    constants[6] = c.eps;
    constants[7] = c.step;
    e.adam(at(w), at(g), at(m), at(v), w.length, constants.byteOffset);
  };
}
