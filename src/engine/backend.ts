import { PipelabError } from '../core/errors';
import type { Tf } from '../steps/step';

/** Backends pipelab can run on; cpu is the reference (bit-identical in Node and browsers). */
export const BACKENDS = ['cpu', 'wasm', 'webgl'] as const;

/** One of the backends. */
export type BackendName = (typeof BACKENDS)[number];

/**
 * Switches tfjs to `name` and waits until it is ready. The host must have
 * registered it first (wasm: import the backend and set its wasm paths).
 */
export async function useBackend(tf: Tf, name: string): Promise<void> {
  if (tf.getBackend() === name) return;
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
  } catch (err) {
    throw new PipelabError(`The ${name} backend is not available here (${(err as Error).message}). Try --backend cpu.`);
  }
  if (!ok) throw new PipelabError(`The ${name} backend could not start on this machine. Try the cpu backend.`);
  await tf.ready();
}

/** Epsilon for optimizers: float16 backends cannot represent 1e-7, so they get 1e-4. */
export function trainingEpsilon(tf: Tf): number {
  return tf.backend().floatPrecision() === 16 ? 1e-4 : 1e-7;
}
