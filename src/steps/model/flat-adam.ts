import type * as TF from '@tensorflow/tfjs';
import type { Tf } from '../step';
import type { Updater } from './optimizers';

/**
 * Adam over all of a network's variables at once. It is tfjs's Adam update, op for
 * op and in the same order, applied to the gradients laid end to end in one vector:
 * every op is element-wise (or by a scalar), so each weight gets exactly the bits
 * tfjs's per-variable Adam gives it, with about a third of the kernel calls
 * (per-call overhead dominates the small models trained here).
 */
export class FlatAdam implements Updater {
  private readonly m: TF.Variable;
  private readonly v: TF.Variable;
  private readonly accBeta1: TF.Variable;
  private readonly accBeta2: TF.Variable;
  private readonly sizes: number[];

  constructor(
    private readonly tf: Tf,
    private readonly vars: readonly TF.Variable[],
    private readonly learningRate: number,
    private readonly epsilon: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
  ) {
    this.sizes = vars.map((v) => v.size);
    const total = this.sizes.reduce((a, b) => a + b, 0);
    // Variables outlive tidy (as in tfjs's Adam); their initial tensors do not.
    const make = (init: () => TF.Tensor) => tf.tidy(() => tf.variable(init(), false));
    this.m = make(() => tf.zeros([total]));
    this.v = make(() => tf.zeros([total]));
    this.accBeta1 = make(() => tf.scalar(beta1));
    this.accBeta2 = make(() => tf.scalar(beta2));
  }

  /** One Adam step from the gradients of the variables, in their order. */
  apply(gradients: readonly TF.Tensor[]): void {
    const { tf, beta1, beta2 } = this;
    tf.tidy(() => {
      const oneMinusAccBeta1 = tf.sub(1, this.accBeta1);
      const oneMinusAccBeta2 = tf.sub(1, this.accBeta2);
      const g = tf.concat(gradients.map((x) => tf.reshape(x, [-1])));
      const newM = tf.add(tf.mul(this.m, beta1), tf.mul(g, 1 - beta1));
      const newV = tf.add(tf.mul(this.v, beta2), tf.mul(tf.square(g), 1 - beta2));
      const correctedM = tf.div(newM, oneMinusAccBeta1);
      const correctedV = tf.div(newV, oneMinusAccBeta2);
      this.m.assign(newM);
      this.v.assign(newV);
      const step = tf.mul(tf.div(correctedM, tf.add(tf.sqrt(correctedV), this.epsilon)), -this.learningRate);
      const parts = tf.split(step, this.sizes);
      this.vars.forEach((w, i) => w.assign(tf.add(tf.reshape(parts[i], w.shape), w)));
      this.accBeta1.assign(tf.mul(this.accBeta1, beta1));
      this.accBeta2.assign(tf.mul(this.accBeta2, beta2));
    });
  }

  /** Frees the moment estimates. */
  dispose(): void {
    for (const t of [this.m, this.v, this.accBeta1, this.accBeta2]) t.dispose();
  }
}
