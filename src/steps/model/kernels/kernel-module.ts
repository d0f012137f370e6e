import { CPU_MATMUL_WASM, CPU_MATMUL_WASM_RELAXED } from './cpu-matmul-wasm';

// The compiled kernel module (cpu-matmul.wat with cpu-elementwise.wat) in its two builds,
// and the pool of instances (each with its own memory) that training runs take and give back.

type Pointers4 = (p: number, q: number, r: number, s: number) => void;

/** The module's exports (pointers are byte offsets into its memory; see the .wat files). */
export interface KernelExports {
  readonly matMul: (out: number, a: number, aI: number, aK: number, b: number, bK: number, bJ: number, rows: number, cols: number, shared: number, work: number) => void;
  readonly biasRelu: (m: number, bias: number, act: number, rows: number, cols: number) => void;
  readonly reluGradient: Pointers4;
  readonly columnSums: Pointers4;
  readonly addPenalty: (g: number, w: number, n: number, penalty: number) => void;
  readonly gatherRows: (into: number, from: number, order: number, start: number, rows: number, width: number) => void;
  readonly adam: (w: number, g: number, m: number, v: number, n: number, constants: number) => void;
}

/** A kernel module instance and its memory, reused by later runs once released. */
export interface KernelInstance {
  readonly memory: WebAssembly.Memory;
  readonly exports: KernelExports;
}

/** Which build of the kernel module: plain SIMD, or with relaxed SIMD's multiply-add in the matMul (same bits; fused where the processor has FMA). */
export type KernelVariant = 'plain' | 'relaxed';

const compiled: Partial<Record<KernelVariant, WebAssembly.Module | null>> = {};

/** A build of the kernel module, compiled once; null where this engine cannot run it. */
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
export function bestVariant(): KernelVariant | null {
  if (kernelModule('relaxed')) return 'relaxed';
  return kernelModule('plain') ? 'plain' : null;
}

/** Released instances per build: each run takes one (or makes one), so runs never share buffers, and at most two memories (per build) stay around. */
const idle: Record<KernelVariant, KernelInstance[]> = { plain: [], relaxed: [] };

/** A memory grown past this (a big data set's run) is left to the collector rather than kept: WebAssembly memory never shrinks. */
const KEEP_BYTES = 64 * 2 ** 20;

/** An instance of the build `variant` for one run, with its memory grown to `bytes`, and how to give it back; null where the build cannot run. */
export function takeInstance(variant: KernelVariant, bytes: number): { instance: KernelInstance; release: () => void } | null {
  const module = kernelModule(variant);
  if (!module) return null;
  const pool = idle[variant];
  const instance = pool.pop() ?? newInstance(module);
  const { memory } = instance;
  if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
  const release = () => {
    if (pool.length < 2 && memory.buffer.byteLength <= KEEP_BYTES) pool.push(instance);
  };
  return { instance, release };
}

function newInstance(module: WebAssembly.Module): KernelInstance {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
  return { memory, exports };
}
