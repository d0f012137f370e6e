import { CancelledError } from '../../../core/errors';
import type { EpochRecord } from '../../../core/state';
import { CpuNet } from './cpu-net';
import { javascriptKernels, wasmKernels, type MatrixKernels } from '../kernels/cpu-matmul';
import { makeCpuUpdater, type CpuUpdater } from '../optim/cpu-optimizers';
import type { WeightArray } from '../../../core/state';
import { initWeights, weightName, type NetShape, type TrainOptions, type TrainResult } from './net-shape';
import { runEpochs } from './epoch-loop';

/**
 * Rows the epoch losses and predictions go through at a time: their buffers stay small
 * on big data sets (a network's activations for a million rows would not fit), and the
 * results do not depend on it (CpuNet.loss and predict are exact chunk by chunk).
 */
export const EVAL_ROWS = 1024;

/** Makes the matrix kernels for a run needing `floats` floats of buffers and `workFloats` of scratch for its largest product. */
export type KernelsFor = (floats: number, workFloats: number) => MatrixKernels;

/** WebAssembly SIMD where the engine has it, JavaScript elsewhere (same bits). */
export const fastestKernels: KernelsFor = (floats, workFloats) => wasmKernels(floats, workFloats) ?? javascriptKernels();

/**
 * trainWithTensors on the cpu backend, without tensors: the same seeded batches, the
 * same kernels (cpu-net.ts, cpu-optimizers.ts) and so the same weights and losses to
 * the bit, without a tensor per op. The loop checks the abort signal every batch and
 * yields to the event loop every YIELD_EVERY_MS, like the tensor loop.
 */
export async function trainOnCpu(o: TrainOptions, kernelsFor: KernelsFor = fastestKernels): Promise<TrainResult> {
  const d = o.shape.sizes[0];
  const k = o.shape.sizes[o.shape.sizes.length - 1];
  const [nTrain, nTest] = [o.xTrain.length / d, o.xTest.length / d];
  const batch = Math.max(1, Math.min(o.batchSize, nTrain));
  const initial = initWeights(o.shape, o.rng);
  const size = initial.reduce((n, w) => n + w.values.length, 0);
  const evalRows = Math.max(1, Math.min(Math.max(nTrain, nTest), EVAL_ROWS));
  const floats = 4 * size + batch * (d + k) + (nTrain + nTest) * (d + k) + nTrain + CpuNet.floats(o.shape, batch) + CpuNet.floats(o.shape, evalRows);
  const kernels = kernelsFor(floats, Math.max(CpuNet.workFloats(o.shape, batch), CpuNet.workFloats(o.shape, evalRows)));
  try {
    const copy = (values: Float32Array) => {
      const out = kernels.alloc(values.length);
      out.set(values);
      return out;
    };
    const run: Run = {
      flat: kernels.alloc(size), gradient: kernels.alloc(size),
      updater: makeCpuUpdater(o.optimizer, o.learningRate, o.epsilon, size, kernels),
      xTrain: copy(o.xTrain), yTrain: copy(o.yTrain), xTest: copy(o.xTest), yTest: copy(o.yTest),
      batchNet: new CpuNet(o.shape, batch, kernels), evalNet: new CpuNet(o.shape, evalRows, kernels),
      xb: kernels.alloc(batch * d), yb: kernels.alloc(batch * k), order: kernels.allocIndices(nTrain), kernels,
    };
    const w = CpuNet.parts(o.shape, run.flat);
    initial.forEach((init, i) => w[i].set(init.values));
    const history = await epochs(o, run, batch);
    return { weights: initial.map((init, i) => ({ name: weightName(i), shape: init.shape, values: Float32Array.from(w[i]) })), history };
  } finally {
    kernels.release?.();
  }
}

/** The buffers and helpers of one training run. */
interface Run {
  readonly flat: Float32Array;
  readonly gradient: Float32Array;
  readonly updater: CpuUpdater;
  readonly xTrain: Float32Array;
  readonly yTrain: Float32Array;
  readonly xTest: Float32Array;
  readonly yTest: Float32Array;
  readonly batchNet: CpuNet;
  /** Computes the epoch losses (and predictions) in chunks of EVAL_ROWS rows. */
  readonly evalNet: CpuNet;
  readonly xb: Float32Array;
  readonly yb: Float32Array;
  /** This epoch's order of the training rows. */
  readonly order: Int32Array;
  readonly kernels: MatrixKernels;
}

function epochs(o: TrainOptions, r: Run, batch: number): Promise<EpochRecord[]> {
  const d = o.shape.sizes[0];
  const k = o.shape.sizes[o.shape.sizes.length - 1];
  const [nTrain, nTest] = [r.xTrain.length / d, r.xTest.length / d];
  const w = CpuNet.parts(o.shape, r.flat);
  const g = CpuNet.parts(o.shape, r.gradient);
  const weightsNow = () => w.map((part, i) => ({ name: weightName(i), shape: shapeOf(o.shape, i), values: part.slice() }));
  return runEpochs(o, () => {
    r.order.set(o.rng.permutation(nTrain));
    for (let start = 0; start < nTrain; start += batch) {
      if (o.signal.aborted) throw new CancelledError();
      const rows = Math.min(batch, nTrain - start);
      r.kernels.gatherRows(r.xb, r.xTrain, r.order, start, rows, d);
      r.kernels.gatherRows(r.yb, r.yTrain, r.order, start, rows, k);
      r.batchNet.gradients(w, g, r.xb, r.yb, rows, o.l2);
      r.updater.apply(r.flat, r.gradient);
    }
    return [r.evalNet.loss(w, r.xTrain, r.yTrain, nTrain), r.evalNet.loss(w, r.xTest, r.yTest, nTest)];
  }, weightsNow);
}

/** The shape of variable i of a network (kernels and biases alternate). */
function shapeOf(shape: NetShape, i: number): number[] {
  const l = i >> 1;
  return i % 2 === 0 ? [shape.sizes[l], shape.sizes[l + 1]] : [shape.sizes[l + 1]];
}

/** predictNet on the cpu backend, without tensors: the same kernels as training, so the same bits as tfjs's cpu ops. */
export function predictOnCpu(shape: NetShape, weights: readonly WeightArray[], x: Float32Array, kernelsFor: KernelsFor = fastestKernels): Float32Array {
  const d = shape.sizes[0];
  const k = shape.sizes[shape.sizes.length - 1];
  const rows = x.length / d;
  const size = weights.reduce((n, w) => n + w.values.length, 0);
  const evalRows = Math.max(1, Math.min(rows, EVAL_ROWS));
  const kernels = kernelsFor(size + rows * (d + k) + CpuNet.floats(shape, evalRows), CpuNet.workFloats(shape, evalRows));
  try {
    const flat = kernels.alloc(size);
    CpuNet.parts(shape, flat).forEach((part, i) => part.set(weights[i].values));
    const input = kernels.alloc(rows * d);
    input.set(x);
    const out = kernels.alloc(rows * k);
    new CpuNet(shape, evalRows, kernels).predict(CpuNet.parts(shape, flat), input, rows, out);
    return Float32Array.from(out);
  } finally {
    kernels.release?.();
  }
}
