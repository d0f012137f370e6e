import type * as TF from '@tensorflow/tfjs';
import { CancelledError } from '../../core/errors';
import type { EpochRecord } from '../../core/state';
import type { Tf } from '../step';
import { activate, batchGradients, type Batch } from './backprop';
import { initWeights, weightName, type NetShape, type TrainOptions, type TrainResult } from './net-shape';
import { makeOptimizer, makeUpdater } from './optimizers';
import { YIELD_EVERY_MS, yieldToEventLoop } from './yield';

/**
 * Trains with our own seeded shuffling and mini-batches (tfjs's `fit` would shuffle
 * with an unseeded global generator). The data is uploaded once and gathered into
 * batches on the backend; nothing is read back per batch, the two epoch losses are
 * read back together once per epoch. The loop checks the abort signal every batch
 * and yields to the event loop (for progress and cancel messages) every
 * YIELD_EVERY_MS of training, not every epoch: a short epoch would otherwise pay
 * a timer's minimum delay each time.
 */
export async function trainWithTensors(o: TrainOptions): Promise<TrainResult> {
  const { tf, shape } = o;
  const d = shape.sizes[0];
  const k = shape.sizes[shape.sizes.length - 1];
  const nTrain = o.xTrain.length / d;
  const batch = Math.max(1, Math.min(o.batchSize, nTrain));
  const vars = initWeights(shape, o.rng).map((w) => {
    const initial = tf.tensor(w.values, [...w.shape], 'float32');
    const v = tf.variable(initial);
    initial.dispose();
    return v;
  });
  const xTrain = tf.tensor2d(o.xTrain, [nTrain, d]);
  const yTrain = tf.tensor2d(o.yTrain, [nTrain, k]);
  const xTest = tf.tensor2d(o.xTest, [o.xTest.length / d, d]);
  const yTest = tf.tensor2d(o.yTest, [o.yTest.length / k, k]);
  const step = makeBatchStep(o, vars);
  const history: EpochRecord[] = [];
  try {
    let lastYield = performance.now();
    for (let epoch = 1; epoch <= o.epochs; epoch++) {
      runEpoch(o, step, xTrain, yTrain, nTrain, batch);
      const [trainLoss, testLoss] = await epochLosses(tf, shape, vars, [xTrain, yTrain], [xTest, yTest]);
      const record = { epoch, trainLoss, testLoss };
      history.push(record);
      o.onEpoch(record);
      if (performance.now() - lastYield >= YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
      if (o.signal.aborted) throw new CancelledError();
    }
    const weights = await Promise.all(
      vars.map(async (v, i) => ({ name: weightName(i), shape: v.shape, values: (await v.data()) as Float32Array })),
    );
    return { weights, history };
  } finally {
    step.dispose();
    for (const t of [...vars, xTrain, yTrain, xTest, yTest]) t.dispose();
  }
}

function runEpoch(o: TrainOptions, step: BatchStep, x: TF.Tensor2D, y: TF.Tensor2D, n: number, batch: number): void {
  const { tf } = o;
  // The epoch's shuffled row order goes up once; each batch gathers its rows from the
  // resident data by a slice of it. (Slicing rows off a shuffled copy gives the same
  // values, but the wasm backend's slice copies its whole input every time.)
  const order = tf.tensor1d(o.rng.permutation(n), 'int32');
  try {
    for (let start = 0; start < n; start += batch) {
      if (o.signal.aborted) throw new CancelledError();
      const rows = Math.min(batch, n - start);
      step.run(() => {
        const picked = order.slice([start], [rows]);
        return { x: tf.gather(x, picked), y: tf.gather(y, picked), rows, l2: o.l2 };
      });
    }
  } finally {
    order.dispose();
  }
}

/** One training step on a batch, and cleanup. */
interface BatchStep {
  run(batch: () => Batch): void;
  dispose(): void;
}

/**
 * cpu and wasm: hand-written gradients (batchGradients) and FlatAdam, bit-identical to
 * tfjs's autodiff and optimizers with far fewer kernel calls. webgl keeps tfjs's
 * autodiff and optimizers (its results could not be checked bit for bit here).
 */
function makeBatchStep(o: TrainOptions, vars: TF.Variable[]): BatchStep {
  const { tf, shape } = o;
  if (tf.getBackend() !== 'webgl') {
    const updater = makeUpdater(tf, o.optimizer, o.learningRate, o.epsilon, vars);
    return {
      run: (batch) => tf.tidy(() => updater.apply(batchGradients(tf, shape, vars, batch()))),
      dispose: () => updater.dispose(),
    };
  }
  const optimizer = makeOptimizer(tf, o.optimizer, o.learningRate, o.epsilon);
  const kernels = vars.filter((_, i) => i % 2 === 0);
  return {
    run: (batch) =>
      optimizer.minimize(() => {
        const b = batch();
        const loss = dataLoss(tf, shape, forward(tf, vars, b.x, shape), b.y);
        if (b.l2 === 0) return loss;
        const penalty = tf.addN(kernels.map((w) => tf.sum(tf.square(w))));
        return tf.add(loss, tf.mul(penalty, (0.5 * b.l2) / b.rows)) as TF.Scalar;
      }, false, vars),
    dispose: () => optimizer.dispose(),
  };
}

/** The network on a batch of rows, as tensors. */
export function forward(tf: Tf, params: readonly TF.Tensor[], x: TF.Tensor2D, shape: NetShape): TF.Tensor2D {
  let h: TF.Tensor2D = x;
  const layers = params.length / 2;
  for (let l = 0; l < layers; l++) {
    h = tf.add(tf.matMul(h, params[2 * l] as TF.Tensor2D), params[2 * l + 1]);
    if (l < layers - 1) h = activate(tf, h, shape.activation);
  }
  return h;
}

function dataLoss(tf: Tf, shape: NetShape, out: TF.Tensor2D, y: TF.Tensor2D): TF.Scalar {
  return shape.output === 'softmax' ? tf.losses.softmaxCrossEntropy(y, out) : tf.losses.meanSquaredError(y, out);
}

/** Mean loss on the training and the test rows after an epoch, read back together (one sync with the backend per epoch). */
async function epochLosses(
  tf: Tf,
  shape: NetShape,
  vars: readonly TF.Tensor[],
  train: readonly [TF.Tensor2D, TF.Tensor2D],
  test: readonly [TF.Tensor2D, TF.Tensor2D],
): Promise<[number, number]> {
  const both = tf.tidy(() => tf.stack([train, test].map(([x, y]) => dataLoss(tf, shape, forward(tf, vars, x, shape), y))));
  try {
    const values = await both.data();
    return [values[0], values[1]];
  } finally {
    both.dispose();
  }
}

