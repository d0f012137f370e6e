import type { Tf } from '../steps/step';
import type { BackendChoice, BackendInfo } from './engine-api';

/**
 * The order auto tries backends in, for the networks autoBackend does not send to cpu
 * (more than 16 hidden units). wasm comes first: pipelab's models are small (tabular
 * rows, dense layers of at most 1,024 units), where the per-op cost dominates and wasm
 * beats webgl (measured by `npm run bench`: digits MLP about 15× faster on wasm than on
 * webgl's SwiftShader here). The worker keeps the started backend for life and also
 * runs cpu, which needs no start; webgl stays one click away.
 */
export const AUTO_ORDER = ['wasm', 'webgl', 'cpu'] as const;

/** Starts the chosen backend, or the first one of AUTO_ORDER that initialises; cpu is the last resort. */
export async function selectBackend(tf: Tf, choice: BackendChoice): Promise<BackendInfo> {
  const order = choice === 'auto' ? AUTO_ORDER : [choice];
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
