import type { Tf } from '../steps/step';
import type { BackendChoice, BackendInfo } from './engine-api';

/** The order auto tries backends in. */
export const AUTO_ORDER = ['webgl', 'wasm', 'cpu'] as const;

/** Starts the chosen backend, or the first one of AUTO_ORDER that initialises; cpu is the last resort. */
export async function selectBackend(tf: Tf, choice: BackendChoice): Promise<BackendInfo> {
  const order = choice === 'auto' ? AUTO_ORDER : [choice];
  const tried: { name: string; error: string }[] = [];
  for (const name of order) {
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync());
        return { name, floatPrecision: tf.backend().floatPrecision(), tried };
      }
      tried.push({ name, error: 'it did not initialise' });
    } catch (err) {
      tried.push({ name, error: err instanceof Error ? err.message : String(err) });
    }
  }
  const reasons = tried.map((t) => `${t.name}: ${t.error}`).join('; ');
  throw new Error(`No TensorFlow.js backend could start (${reasons}).`);
}
