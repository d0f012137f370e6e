import type * as TF from '@tensorflow/tfjs';
import { CancelledError } from '../../../core/errors';
import type { WeightArray } from '../../../core/state';
import type { Tf } from '../../step';
import { activate, batchGradients, type Batch } from './backprop';
import { initWeights, weightName, type NetShape, type TrainOptions, type TrainResult } from './net-shape';
import { makeOptimizer, makeUpdater } from '../optim/optimizers';
import { runEpochs } from './epoch-loop';

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
  // Training rows then test rows, uploaded once: batches gather training rows, the epoch losses read all.
  const nAll = nTrain + o.xTest.length / d;
  const x = tf.tensor2d(joined(o.xTrain, o.xTest), [nAll, d]);
  const y = tf.tensor2d(joined(o.yTrain, o.yTest), [nAll, k]);
  const step = makeBatchStep(o, vars);
  const weightsNow = () => Promise.all(vars.map(async (v, i) => ({ name: weightName(i), shape: v.shape, values: (await v.data()) as Float32Array })));
  try {
    const history = await runEpochs(o, () => {
      runEpoch(o, step, x, y, nTrain, batch);
      return epochLosses(tf, shape, vars, x, y, nTrain);
    }, weightsNow);
    return { weights: await weightsNow(), history };
  } finally {
    step.dispose();
    for (const t of [...vars, x, y]) t.dispose();
  }
}

function joined(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
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

/** The network's output for every row of x (class probabilities for softmax nets), computed with tensors on the backend. */
export function predictWithTensors(tf: Tf, shape: NetShape, weights: readonly WeightArray[], x: Float32Array): Float32Array {
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

/**
 * Mean loss on the training and on the test rows after an epoch, from one forward pass
 * over both (rows are independent: each row's loss has the same bits either way; each
 * mean sums its own rows' losses, as tfjs.losses would), read back together: one sync
 * with the backend per epoch.
 */
async function epochLosses(tf: Tf, shape: NetShape, vars: readonly TF.Tensor[], x: TF.Tensor2D, y: TF.Tensor2D, nTrain: number): Promise<[number, number]> {
  const both = tf.tidy(() => {
    const out = forward(tf, vars, x, shape);
    const losses = shape.output === 'softmax'
      ? tf.losses.softmaxCrossEntropy(y, out, undefined, undefined, tf.Reduction.NONE)
      : tf.losses.meanSquaredError(y, out, undefined, tf.Reduction.NONE);
    const mean = (start: number, rows: number) => {
      const part = tf.slice(losses, start, rows);
      return tf.div(tf.sum(part), tf.scalar(part.size));
    };
    return tf.stack([mean(0, nTrain), mean(nTrain, x.shape[0] - nTrain)]);
  });
  try {
    const values = await both.data();
    return [values[0], values[1]];
  } finally {
    both.dispose();
  }
}

