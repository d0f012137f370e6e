import type { WeightArray } from '../../../core/state';
import type { Tf } from '../../step';
import { predictOnCpu, trainOnCpu } from './cpu-training';
import type { NetShape, TrainOptions, TrainResult } from './net-shape';
import { predictWithTensors, trainWithTensors } from './tensor-training';

export type { Activation, NetShape, TrainOptions, TrainResult } from './net-shape';
export { initWeights } from './net-shape';

/**
 * Trains a dense network with seeded shuffling and mini-batches. On the cpu backend
 * it runs without tensors, with the cpu kernels' exact arithmetic (cpu-training.ts:
 * the same bits, with matrix products in WebAssembly SIMD and no per-op overhead);
 * elsewhere with tensors on the backend.
 */
export function trainNet(o: TrainOptions): Promise<TrainResult> {
  return o.tf.getBackend() === 'cpu' ? trainOnCpu(o) : trainWithTensors(o);
}

/** Output of the network for every row of `x` (class probabilities for softmax nets), row-major; on cpu without tensors, like training. */
export function predictNet(tf: Tf, shape: NetShape, weights: readonly WeightArray[], x: Float32Array): Float32Array {
  return tf.getBackend() === 'cpu' ? predictOnCpu(shape, weights, x) : predictWithTensors(tf, shape, weights, x);
}
