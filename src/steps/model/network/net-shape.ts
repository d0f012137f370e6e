import type { Prng } from '../../../core/prng';
import type { EpochRecord, WeightArray } from '../../../core/state';
import type { Tf } from '../../step';
import type { OptimizerName } from '../optim/optimizers';

/** Hidden-layer activation functions on offer. */
export type Activation = 'relu' | 'tanh' | 'sigmoid';

/** A dense network: layer widths from inputs to outputs, and the hidden activation. */
export interface NetShape {
  readonly sizes: readonly number[];
  readonly activation: Activation;
  /** softmax: outputs are class logits; linear: outputs are values. */
  readonly output: 'softmax' | 'linear';
}

/** Everything one training run of a network needs. Matrices are row-major float32. */
export interface TrainOptions {
  readonly tf: Tf;
  readonly shape: NetShape;
  readonly xTrain: Float32Array;
  readonly yTrain: Float32Array;
  readonly xTest: Float32Array;
  readonly yTest: Float32Array;
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly epochs: number;
  readonly batchSize: number;
  /** L2 penalty on weights (not biases), scaled like scikit-learn's alpha. */
  readonly l2: number;
  readonly epsilon: number;
  readonly rng: Prng;
  readonly signal: AbortSignal;
  readonly onEpoch: (record: EpochRecord) => void;
  /** For the training replay: asked after each epoch, and given the weights there when it wants them. */
  readonly snapshot?: WeightSnapshots;
}

/** Where a training loop reports its weights after chosen epochs (copies: the loop keeps training). */
export interface WeightSnapshots {
  wants(epoch: number): boolean;
  take(epoch: number, weights: WeightArray[]): void;
}

/** Trained weights and the loss after every epoch. */
export interface TrainResult {
  readonly weights: WeightArray[];
  readonly history: EpochRecord[];
}

/** Glorot-uniform weights and zero biases, drawn from the step's generator (never from tfjs's unseeded initializers). */
export function initWeights(shape: NetShape, rng: Prng): WeightArray[] {
  const out: WeightArray[] = [];
  for (let l = 0; l + 1 < shape.sizes.length; l++) {
    const fanIn = shape.sizes[l];
    const fanOut = shape.sizes[l + 1];
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const w = Float32Array.from({ length: fanIn * fanOut }, () => rng.uniform(-limit, limit));
    out.push({ name: `dense${l}/kernel`, shape: [fanIn, fanOut], values: w });
    out.push({ name: `dense${l}/bias`, shape: [fanOut], values: new Float32Array(fanOut) });
  }
  return out;
}

/** The name of variable i of a network (kernels and biases alternate): dense0/kernel, dense0/bias, … */
export function weightName(i: number): string {
  return `dense${i >> 1}/${i % 2 === 0 ? 'kernel' : 'bias'}`;
}
