import type { WeightArray } from '../../core/state';
import type { Tf } from '../step';
import { trainOnCpu } from './cpu-training';
import type { NetShape, TrainOptions, TrainResult } from './net-shape';
import { forward, trainWithTensors } from './tensor-training';

export type { Activation, NetShape, TrainOptions, TrainResult } from './net-shape';
export { initWeights } from './net-shape';

/**
 * Trains a dense network with seeded shuffling and mini-batches. On the cpu backend
 * it runs in plain JavaScript with the cpu kernels' exact arithmetic (cpu-net.ts: the
 * same bits, without tfjs's per-op overhead, which dominates these small models);
 * elsewhere with tensors on the backend.
 */
export function trainNet(o: TrainOptions): Promise<TrainResult> {
  return o.tf.getBackend() === 'cpu' ? trainOnCpu(o) : trainWithTensors(o);
}

/** Output of the network for every row of `x` (class probabilities for softmax nets), row-major. */
export function predictNet(tf: Tf, shape: NetShape, weights: readonly WeightArray[], x: Float32Array): Float32Array {
  const d = shape.sizes[0];
  const out = tf.tidy(() => {
    const params = weights.map((w) => tf.tensor(Float32Array.from(w.values), [...w.shape], 'float32'));
    const logits = forward(tf, params, tf.tensor2d(x, [x.length / d, d]), shape);
    return shape.output === 'softmax' ? tf.softmax(logits) : logits;
  });
  try {
    return out.dataSync() as Float32Array;
  } finally {
    out.dispose();
  }
}

