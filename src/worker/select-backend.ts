import { simdKernelsAvailable } from '../steps/model/kernels/cpu-matmul';
import type { Tf } from '../steps/step';
import type { BackendChoice, BackendInfo } from './engine-api';

/**
 * The order auto tries backends in where this engine lacks WebAssembly SIMD (there
 * autoBackend sends only small networks to cpu). wasm comes first: pipelab's models
 * are small (tabular rows, dense layers of at most 1,024 units), where the per-op cost
 * dominates and wasm beats webgl (measured by `npm run bench`: digits MLP about 15×
 * faster on wasm than on webgl's SwiftShader here). The worker keeps the started
 * backend for life and also runs cpu, which needs no start; webgl stays one click away.
 */
export const AUTO_ORDER = ['wasm', 'webgl', 'cpu'] as const;

/**
 * Starts the chosen backend, or for auto cpu where the SIMD kernels run (autoBackend
 * picks cpu for every pipeline there, so wasm is not even downloaded) and else the
 * first one of AUTO_ORDER that initialises; cpu is the last resort.
 */
export async function selectBackend(tf: Tf, choice: BackendChoice, simd = simdKernelsAvailable()): Promise<BackendInfo> {
  const order = choice !== 'auto' ? [choice] : simd ? ['cpu'] : AUTO_ORDER;
  const tried: { name: string; error: string }[] = [];
  for (const name of order) {
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync());
        return { name, floatPrecision: tf.backend().floatPrecision(), tried, auto: choice === 'auto' };
      }
      tried.push({ name, error: 'it did not initialise' });
    } catch (err) {
      tried.push({ name, error: err instanceof Error ? err.message : String(err) });
    }
  }
  const reasons = tried.map((t) => `${t.name}: ${t.error}`).join('; ');
  throw new Error(`No TensorFlow.js backend could start (${reasons}).`);
}
