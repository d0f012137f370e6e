import { CancelledError } from '../../core/errors';
import type { EpochRecord } from '../../core/state';
import { CpuNet } from './cpu-net';
import { makeCpuUpdater } from './cpu-optimizers';
import { initWeights, weightName, type TrainOptions, type TrainResult } from './net-shape';
import { YIELD_EVERY_MS, yieldToEventLoop } from './yield';

/**
 * trainWithTensors on the cpu backend, in plain JavaScript: the same seeded batches,
 * the same kernels (cpu-net.ts, cpu-optimizers.ts) and so the same weights and losses
 * to the bit, without a tensor per op. The loop checks the abort signal every batch
 * and yields to the event loop every YIELD_EVERY_MS, like the tensor loop.
 */
export async function trainOnCpu(o: TrainOptions): Promise<TrainResult> {
  const { shape } = o;
  const d = shape.sizes[0];
  const k = shape.sizes[shape.sizes.length - 1];
  const nTrain = o.xTrain.length / d;
  const nTest = o.xTest.length / d;
  const batch = Math.max(1, Math.min(o.batchSize, nTrain));
  const initial = initWeights(shape, o.rng);
  const flat = new Float32Array(initial.reduce((n, w) => n + w.values.length, 0));
  const w = CpuNet.parts(shape, flat);
  initial.forEach((init, i) => w[i].set(init.values));
  const gradient = new Float32Array(flat.length);
  const g = CpuNet.parts(shape, gradient);
  const updater = makeCpuUpdater(o.optimizer, o.learningRate, o.epsilon, flat.length);
  const batchNet = new CpuNet(shape, batch);
  const trainNet = new CpuNet(shape, nTrain);
  const testNet = new CpuNet(shape, nTest);
  const xb = new Float32Array(batch * d);
  const yb = new Float32Array(batch * k);
  const history: EpochRecord[] = [];
  let lastYield = performance.now();
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const order = o.rng.permutation(nTrain);
    for (let start = 0; start < nTrain; start += batch) {
      if (o.signal.aborted) throw new CancelledError();
      const rows = Math.min(batch, nTrain - start);
      for (let r = 0; r < rows; r++) {
        xb.set(o.xTrain.subarray(order[start + r] * d, (order[start + r] + 1) * d), r * d);
        yb.set(o.yTrain.subarray(order[start + r] * k, (order[start + r] + 1) * k), r * k);
      }
      batchNet.gradients(w, g, xb, yb, rows, o.l2);
      updater.apply(flat, gradient);
    }
    const record = { epoch, trainLoss: trainNet.loss(w, o.xTrain, o.yTrain, nTrain), testLoss: testNet.loss(w, o.xTest, o.yTest, nTest) };
    history.push(record);
    o.onEpoch(record);
    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
    if (o.signal.aborted) throw new CancelledError();
  }
  const weights = initial.map((init, i) => ({ name: weightName(i), shape: init.shape, values: Float32Array.from(w[i]) }));
  return { weights, history };
}
