import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';
import type { EpochRecord, WeightArray } from '../../src/core/state';
import { javascriptKernels } from '../../src/steps/model/kernels/cpu-matmul';
import { EVAL_ROWS, predictOnCpu, trainOnCpu } from '../../src/steps/model/network/cpu-training';
import type { Activation, NetShape, TrainOptions } from '../../src/steps/model/network/net-shape';
import type { OptimizerName } from '../../src/steps/model/optim/optimizers';
import { predictWithTensors, trainWithTensors } from '../../src/steps/model/network/tensor-training';
import { tf } from '../helpers';

// Random but fixed training data: rows × d features, one-hot classes or real targets.
function problem(seed: number, shape: NetShape, nTrain: number, nTest: number) {
  const rng = new Prng(seed);
  const d = shape.sizes[0];
  const k = shape.sizes[shape.sizes.length - 1];
  const features = (n: number) => Float32Array.from({ length: n * d }, () => rng.normal() * 1.5);
  const targets = (n: number) => {
    const y = new Float32Array(n * k);
    for (let i = 0; i < n; i++) {
      if (shape.output === 'softmax') y[i * k + rng.int(k)] = 1;
      else for (let j = 0; j < k; j++) y[i * k + j] = rng.normal();
    }
    return y;
  };
  return { xTrain: features(nTrain), yTrain: targets(nTrain), xTest: features(nTest), yTest: targets(nTest) };
}

function options(shape: NetShape, optimizer: OptimizerName, l2: number, batchSize: number, nTrain: number, nTest: number): TrainOptions {
  return {
    tf, shape, optimizer, l2, batchSize, ...problem(11, shape, nTrain, nTest),
    learningRate: optimizer === 'sgd' ? 0.05 : 0.01, epochs: 6, epsilon: 1e-7,
    rng: new Prng(5), signal: new AbortController().signal, onEpoch: () => {},
  };
}

const bits = (weights: WeightArray[]) => weights.map((w) => ({ name: w.name, shape: w.shape, bits: Array.from(new Uint32Array(Float32Array.from(w.values).buffer)) }));
const lossBits = (history: EpochRecord[]) => history.map((h) => [h.epoch, ...new Uint32Array(Float32Array.of(h.trainLoss, h.testLoss).buffer)]);

// [hidden activation, output, layer sizes, optimizer, l2, batch, train rows, test rows]
const cases: [Activation, 'softmax' | 'linear', number[], OptimizerName, number, number, number, number][] = [
  ['relu', 'softmax', [4, 3], 'adam', 0.1, 32, 112, 38], // the iris example's shape
  ['relu', 'softmax', [6, 7, 5, 3], 'adam', 1e-4, 16, 70, 20], // two hidden layers, a short last batch
  ['tanh', 'softmax', [5, 9, 4], 'sgd', 0, 8, 40, 9],
  ['sigmoid', 'linear', [6, 4, 2], 'momentum', 1e-3, 10, 33, 7],
  ['relu', 'linear', [3, 1], 'rmsprop', 0.3, 12, 50, 10],
  ['relu', 'softmax', [70, 60, 10], 'adam', 1e-4, 64, 150, 30], // matMul sums over more than one block of 48
  ['tanh', 'linear', [52, 5, 1], 'rmsprop', 0, 100, 100, 0], // one batch per epoch, no test rows
  ['sigmoid', 'softmax', [3, 5, 2], 'adam', 0.01, 512, 1500, 1100], // epoch losses over more rows than one chunk (EVAL_ROWS)
];

describe('training on the cpu backend without tensors (WebAssembly SIMD matMul, or JavaScript)', () => {
  it.each(cases)('%s, %s output, layers %j, %s, l2 %f, batch %i: the bits of the tensor loop', async (activation, output, sizes, optimizer, l2, batch, nTrain, nTest) => {
    const shape: NetShape = { sizes, activation, output };
    const before = tf.memory().numTensors;
    const fast = await trainOnCpu(options(shape, optimizer, l2, batch, nTrain, nTest));
    expect(tf.memory().numTensors).toBe(before);
    tf.engine().startScope(); // as runStep runs a step (tfjs's momentum optimizer leaves a scalar behind)
    const reference = await trainWithTensors(options(shape, optimizer, l2, batch, nTrain, nTest));
    tf.engine().endScope();
    expect(bits(fast.weights)).toEqual(bits(reference.weights));
    expect(lossBits(fast.history)).toEqual(lossBits(reference.history));
    const plain = await trainOnCpu(options(shape, optimizer, l2, batch, nTrain, nTest), () => javascriptKernels()); // where WebAssembly SIMD is missing
    expect(bits(plain.weights)).toEqual(bits(reference.weights));
    expect(lossBits(plain.history)).toEqual(lossBits(reference.history));
    expect(fast.history[5].trainLoss).toBeLessThan(fast.history[0].trainLoss * 1.5); // it trained, and did not blow up
  });

  it('stops with a cancellation when the signal is aborted, as the tensor loop does', async () => {
    const shape: NetShape = { sizes: [4, 3], activation: 'relu', output: 'softmax' };
    const controller = new AbortController();
    const o = { ...options(shape, 'adam', 0, 8, 40, 10), signal: controller.signal, onEpoch: (r: EpochRecord) => r.epoch === 2 && controller.abort() };
    await expect(trainOnCpu(o)).rejects.toThrow(/cancel/i);
  });
});

describe('predicting on the cpu backend without tensors', () => {
  it('gives more rows than one chunk (EVAL_ROWS) the bits of tfjs on cpu', async () => {
    const shape: NetShape = { sizes: [4, 6, 3], activation: 'tanh', output: 'softmax' };
    const { weights } = await trainOnCpu(options(shape, 'adam', 0, 32, 80, 10));
    const x = options(shape, 'adam', 0, 32, 2500, 1).xTrain;
    expect(x.length / 4).toBeGreaterThan(2 * EVAL_ROWS);
    const expected = Array.from(new Uint32Array(predictWithTensors(tf, shape, weights, x).buffer));
    expect(Array.from(new Uint32Array(predictOnCpu(shape, weights, x).buffer))).toEqual(expected);
  });

  it.each(cases)('%s, %s output, layers %j: the bits of tfjs on cpu', async (activation, output, sizes, optimizer, l2, batch, nTrain, nTest) => {
    const shape: NetShape = { sizes, activation, output };
    const { weights } = await trainOnCpu(options(shape, optimizer, l2, batch, nTrain, nTest));
    const x = options(shape, optimizer, l2, batch, 61, 1).xTrain;
    const before = tf.memory().numTensors;
    const expected = Array.from(new Uint32Array(predictWithTensors(tf, shape, weights, x).buffer));
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(new Uint32Array(predictOnCpu(shape, weights, x).buffer))).toEqual(expected);
    expect(Array.from(new Uint32Array(predictOnCpu(shape, weights, x, () => javascriptKernels()).buffer))).toEqual(expected);
    expect(tf.memory().numTensors).toBe(before);
  });
});
