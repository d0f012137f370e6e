import type * as TF from '@tensorflow/tfjs';
import type { Tf } from '../../step';
import type { Activation, NetShape } from './net-shape';

/** One batch of training rows and the L2 penalty's weight, as the training loop passes them. */
export interface Batch {
  readonly x: TF.Tensor2D;
  readonly y: TF.Tensor2D;
  readonly rows: number;
  readonly l2: number;
}

/**
 * Gradients of the batch loss (mean softmax cross-entropy or mean squared error,
 * plus 0.5·l2·Σ‖W‖² / rows) for every weight, in `vars` order. These are the very ops
 * tfjs's autodiff runs for that loss (its gradient functions for MatMul, Add, Relu,
 * Tanh, Sigmoid, the cross-entropy's custom gradient, SquaredDifference, Sum, Div,
 * Square), less those that cannot change a bit: reshapes, casts to float32, products
 * with ones, identities, the label gradient and the loss value nobody reads. Every
 * remaining op is the same kernel on the same operands, so the gradients are
 * bit-identical, with about half the kernel calls.
 */
export function batchGradients(tf: Tf, shape: NetShape, vars: readonly TF.Tensor[], b: Batch): TF.Tensor[] {
  const layers = vars.length / 2;
  const inputs: TF.Tensor2D[] = [b.x]; // what each layer multiplies
  const pre: TF.Tensor2D[] = []; // each layer's output before its activation
  for (let l = 0; l < layers; l++) {
    pre.push(tf.add(tf.matMul(inputs[l], vars[2 * l] as TF.Tensor2D), vars[2 * l + 1]));
    if (l < layers - 1) inputs.push(activate(tf, pre[l], shape.activation));
  }
  let g = outputGradient(tf, shape, pre[layers - 1], b.y);
  const penalty = b.l2 === 0 ? null : tf.scalar((0.5 * b.l2) / b.rows); // d(total)/d(penalty sum), as Mul's gradient gives it
  const grads: TF.Tensor[] = new Array(vars.length);
  for (let l = layers - 1; l >= 0; l--) {
    const w = vars[2 * l] as TF.Tensor2D;
    const data = tf.matMul(inputs[l], g, true, false);
    grads[2 * l] = penalty ? tf.add(data, tf.mul(penalty, tf.mul(w, 2))) : data;
    grads[2 * l + 1] = tf.sum(g, [0]);
    if (l > 0) g = activationGradient(tf, shape.activation, tf.matMul(g, w, false, true), pre[l - 1], inputs[l]);
  }
  return grads;
}

/** d(mean loss)/d(output): the cross-entropy's custom gradient, or SquaredDifference's, times Div's 1/size. */
function outputGradient(tf: Tf, shape: NetShape, out: TF.Tensor2D, y: TF.Tensor2D): TF.Tensor2D {
  if (shape.output === 'softmax') {
    const logResult = tf.sub(out, tf.logSumExp(out, [1], true));
    return tf.mul(inverse(tf, out.shape[0]), tf.sub(tf.exp(logResult), y));
  }
  return tf.mul(inverse(tf, out.size), tf.mul(2, tf.sub(out, y)));
}

/** Div's 1/n as a float32 scalar: the backend's float32 division of 1 by n gives these bits (IEEE division is correctly rounded), without two uploads and a kernel. */
function inverse(tf: Tf, n: number): TF.Scalar {
  return tf.scalar(Math.fround(1 / n));
}

/** The activation's gradient as tfjs defines it (Relu: by its input; Tanh and Sigmoid: by their output). */
function activationGradient(tf: Tf, activation: Activation, dy: TF.Tensor2D, input: TF.Tensor2D, output: TF.Tensor2D): TF.Tensor2D {
  if (activation === 'tanh') return tf.mul(tf.sub(1, tf.square(output)), dy);
  if (activation === 'sigmoid') return tf.mul(dy, tf.mul(output, tf.sub(1, output)));
  return tf.mul(dy, tf.step(input));
}

/** The hidden activation, as the forward pass applies it. */
export function activate(tf: Tf, h: TF.Tensor2D, activation: Activation): TF.Tensor2D {
  if (activation === 'tanh') return tf.tanh(h);
  if (activation === 'sigmoid') return tf.sigmoid(h);
  return tf.relu(h);
}
