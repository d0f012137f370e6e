import { activateInPlace, exp32, f32, logSoftmaxRow, rowMax } from '../kernels/cpu-kernels';
import { matMulWork, type MatrixKernels } from '../kernels/cpu-matmul';
import type { NetShape } from './net-shape';

/**
 * A dense network's forward pass, loss and gradients on Float32Arrays, with the very
 * kernels, in the very order, that the tensor path (backprop.ts, tfjs's losses) runs on
 * the cpu backend, so every number has the same bits without any per-op overhead.
 * Weights and gradients are single flat vectors laid out as the variables are
 * (kernel 0, bias 0, kernel 1, …), so an optimizer updates them in one pass.
 * One instance serves batches of up to `maxRows` rows; its buffers come from `kernels`
 * (WebAssembly memory where the SIMD matMul runs).
 */
export class CpuNet {
  private readonly layers: number;
  private readonly pre: Float32Array[] = []; // each layer's output before its activation
  private readonly act: Float32Array[] = []; // each hidden layer's activation (the next layer's input)
  private readonly delta: Float32Array[] = []; // d(loss)/d(pre) per layer
  private readonly back: Float32Array[] = []; // d(loss)/d(input) of each layer above the first

  constructor(
    private readonly shape: NetShape,
    private readonly maxRows: number,
    private readonly kernels: MatrixKernels,
  ) {
    const sizes = shape.sizes;
    this.layers = sizes.length - 1;
    for (let l = 0; l < this.layers; l++) {
      this.pre.push(kernels.alloc(maxRows * sizes[l + 1]));
      this.delta.push(kernels.alloc(maxRows * sizes[l + 1]));
      this.act.push(kernels.alloc(l + 1 < this.layers ? maxRows * sizes[l + 1] : 0));
      this.back.push(kernels.alloc(l > 0 ? maxRows * sizes[l] : 0));
    }
  }

  /** How many floats an instance for `maxRows` rows allocates. */
  static floats(shape: NetShape, maxRows: number): number {
    let n = 0;
    for (let l = 0; l + 1 < shape.sizes.length; l++) {
      n += 2 * maxRows * shape.sizes[l + 1];
      if (l + 2 < shape.sizes.length) n += maxRows * shape.sizes[l + 1];
      if (l > 0) n += maxRows * shape.sizes[l];
    }
    return n;
  }

  /** Scratch floats the kernels need for the largest product an instance for `maxRows` rows runs (matMulWork). */
  static workFloats(shape: NetShape, maxRows: number): number {
    let n = 0;
    for (let l = 0; l + 1 < shape.sizes.length; l++) {
      const [fanIn, fanOut] = [shape.sizes[l], shape.sizes[l + 1]];
      n = Math.max(n, matMulWork(maxRows, fanOut, fanIn), matMulWork(fanIn, fanOut, maxRows), matMulWork(maxRows, fanIn, fanOut));
    }
    return n;
  }

  /** Views of a flat weight (or gradient) vector: [kernel 0, bias 0, kernel 1, bias 1, …]. */
  static parts(shape: NetShape, flat: Float32Array): Float32Array[] {
    const out: Float32Array[] = [];
    let at = 0;
    for (let l = 0; l + 1 < shape.sizes.length; l++) {
      const [fanIn, fanOut] = [shape.sizes[l], shape.sizes[l + 1]];
      out.push(flat.subarray(at, (at += fanIn * fanOut)), flat.subarray(at, (at += fanOut)));
    }
    return out;
  }

  /** Runs the network on `rows` rows of x; returns the output layer (pre-softmax logits or values). */
  forward(w: readonly Float32Array[], x: Float32Array, rows: number): Float32Array {
    const sizes = this.shape.sizes;
    let input = x;
    for (let l = 0; l < this.layers; l++) {
      const [fanIn, fanOut] = [sizes[l], sizes[l + 1]];
      const hidden = l + 1 < this.layers;
      const relu = hidden && this.shape.activation === 'relu';
      this.kernels.dense(this.pre[l], input, w[2 * l], w[2 * l + 1], rows, fanOut, fanIn, relu ? this.act[l] : null);
      if (hidden) {
        if (!relu) activateInPlace(this.act[l], this.pre[l], rows * fanOut, this.shape.activation);
        input = this.act[l];
      }
    }
    return this.pre[this.layers - 1];
  }

  /**
   * The network's output for `rows` rows of x into out: class probabilities (tfjs cpu's
   * Softmax: max, x − max, exp, float64 sum, divide) or values. Any number of rows, in
   * chunks of this instance's size (each row's output is independent of the others).
   */
  predict(w: readonly Float32Array[], x: Float32Array, rows: number, out: Float32Array): void {
    const [d, k] = [this.shape.sizes[0], this.shape.sizes[this.layers]];
    for (let start = 0; start < rows; start += this.maxRows) {
      const n = Math.min(this.maxRows, rows - start);
      const z = this.forward(w, x.subarray(start * d, (start + n) * d), n);
      const o = out.subarray(start * k, (start + n) * k);
      if (this.shape.output === 'softmax') softmaxRows(o, z, n, k);
      else o.set(z.subarray(0, n * k));
    }
  }

  /**
   * Mean loss over any number of rows (softmax cross-entropy or mean squared error), as
   * tfjs.losses computes it: per-row losses (float32), their float64 sum in row order,
   * divided by the count. Rows go through in chunks of this instance's size; the sum
   * runs on across chunks term by term, so the result does not depend on the chunking.
   */
  loss(w: readonly Float32Array[], x: Float32Array, y: Float32Array, rows: number): number {
    const [d, k] = [this.shape.sizes[0], this.shape.sizes[this.layers]];
    let sum = 0;
    for (let start = 0; start < rows; start += this.maxRows) {
      const n = Math.min(this.maxRows, rows - start);
      const out = this.forward(w, x.subarray(start * d, (start + n) * d), n);
      sum = this.addLosses(sum, out, y.subarray(start * k, (start + n) * k), n);
    }
    const count = this.shape.output === 'softmax' ? rows : rows * k;
    return f32(f32(sum) / count);
  }

  /** Adds the float32 losses of `rows` rows (per row for softmax, per value for squared error) to a float64 running sum, in order. */
  private addLosses(sum: number, out: Float32Array, y: Float32Array, rows: number): number {
    const k = this.shape.sizes[this.layers];
    const scratch = this.delta[this.layers - 1];
    if (this.shape.output === 'softmax') {
      for (let i = 0; i < rows; i++) {
        const o = i * k;
        logSoftmaxRow(scratch, out, o, k);
        let rowLoss = 0;
        for (let j = 0; j < k; j++) rowLoss += -f32(scratch[o + j] * y[o + j]);
        sum += f32(rowLoss);
      }
      return sum;
    }
    for (let i = 0; i < rows * k; i++) {
      const diff = y[i] - out[i];
      sum += f32(diff * diff);
    }
    return sum;
  }

  /**
   * Gradients of the batch loss plus 0.5·l2·Σ‖W‖²/rows for every weight, into the
   * views `grads` (same layout as `w`): the ops of backprop.ts, element for element.
   */
  gradients(w: readonly Float32Array[], grads: readonly Float32Array[], x: Float32Array, y: Float32Array, rows: number, l2: number): void {
    const sizes = this.shape.sizes;
    this.forward(w, x, rows);
    this.outputGradient(y, rows);
    const penalty = f32((0.5 * l2) / rows);
    for (let l = this.layers - 1; l >= 0; l--) {
      const [fanIn, fanOut] = [sizes[l], sizes[l + 1]];
      const input = l === 0 ? x : this.act[l - 1];
      const g = this.delta[l];
      const gw = grads[2 * l];
      this.kernels.matMulTransposeA(gw, input, g, fanIn, fanOut, rows);
      if (l2 !== 0) this.kernels.addPenalty(gw, w[2 * l], penalty, gw.length);
      this.kernels.columnSums(grads[2 * l + 1], g, rows, fanOut);
      if (l > 0) {
        this.kernels.matMulTransposeB(this.back[l], g, w[2 * l], rows, fanIn, fanOut);
        this.activationGradient(this.delta[l - 1], this.back[l], this.pre[l - 1], this.act[l - 1], rows * fanIn);
      }
    }
  }

  /** d(mean loss)/d(output) into the last delta: the cross-entropy's custom gradient or SquaredDifference's, times 1/size. */
  private outputGradient(y: Float32Array, rows: number): void {
    const k = this.shape.sizes[this.layers];
    const out = this.pre[this.layers - 1];
    const g = this.delta[this.layers - 1];
    if (this.shape.output === 'softmax') {
      const scale = f32(1 / rows);
      for (let i = 0; i < rows; i++) logSoftmaxRow(g, out, i * k, k);
      for (let i = 0; i < rows * k; i++) g[i] = f32(scale * f32(exp32(g[i]) - y[i]));
      return;
    }
    const scale = f32(1 / (rows * k));
    for (let i = 0; i < rows * k; i++) g[i] = f32(scale * f32(2 * f32(out[i] - y[i])));
  }

  /** d(loss)/d(pre-activation) from d(loss)/d(activation), as tfjs's Relu, Tanh and Sigmoid gradients compute it. */
  private activationGradient(into: Float32Array, dy: Float32Array, pre: Float32Array, out: Float32Array, length: number): void {
    const activation = this.shape.activation;
    if (activation === 'tanh') {
      for (let i = 0; i < length; i++) into[i] = f32(f32(1 - f32(out[i] * out[i])) * dy[i]);
    } else if (activation === 'sigmoid') {
      for (let i = 0; i < length; i++) into[i] = f32(dy[i] * f32(out[i] * f32(1 - out[i])));
    } else {
      this.kernels.reluGradient(into, dy, pre, length);
    }
  }
}

/** Class probabilities of `rows` rows of logits z into out, as tfjs cpu's Softmax kernel computes them. */
function softmaxRows(out: Float32Array, z: Float32Array, rows: number, k: number): void {
  for (let i = 0; i < rows; i++) {
    const o = i * k;
    const max = rowMax(z, o, k);
    let sum = 0;
    for (let j = 0; j < k; j++) sum += out[o + j] = exp32(f32(z[o + j] - max));
    const total32 = f32(sum);
    for (let j = 0; j < k; j++) out[o + j] = out[o + j] / total32;
  }
}
