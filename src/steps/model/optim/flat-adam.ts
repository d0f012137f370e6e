import type * as TF from '@tensorflow/tfjs';
import type { Tf } from '../../step';
import type { Updater } from './updater';

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
  /** β, 1 − β, ε and −learning rate as float32 scalars, made once (each op would otherwise upload its own). */
  private readonly constants: Record<'beta1' | 'oneMinusBeta1' | 'beta2' | 'oneMinusBeta2' | 'epsilon' | 'step', TF.Scalar>;
  /** β₁ᵗ and β₂ᵗ as float32 values: tfjs keeps them in scalar variables and multiplies them on the backend in float32, exactly as Math.fround does here. */
  private accBeta1: number;
  private accBeta2: number;
  private readonly sizes: number[];

  constructor(
    private readonly tf: Tf,
    private readonly vars: readonly TF.Variable[],
    learningRate: number,
    epsilon: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
  ) {
    this.sizes = vars.map((v) => v.size);
    const total = this.sizes.reduce((a, b) => a + b, 0);
    // Variables outlive tidy (as in tfjs's Adam); their initial tensors do not.
    const make = (init: () => TF.Tensor) => tf.tidy(() => tf.variable(init(), false));
    this.m = make(() => tf.zeros([total]));
    this.v = make(() => tf.zeros([total]));
    this.accBeta1 = Math.fround(beta1);
    this.accBeta2 = Math.fround(beta2);
    const keep = (value: number) => tf.keep(tf.scalar(value));
    this.constants = {
      beta1: keep(beta1), oneMinusBeta1: keep(1 - beta1), beta2: keep(beta2), oneMinusBeta2: keep(1 - beta2),
      epsilon: keep(epsilon), step: keep(-learningRate),
    };
  }

  /** One Adam step from the gradients of the variables, in their order. */
  apply(gradients: readonly TF.Tensor[]): void {
    const { tf, constants: c } = this;
    tf.tidy(() => {
      const oneMinusAccBeta1 = tf.scalar(Math.fround(1 - this.accBeta1));
      const oneMinusAccBeta2 = tf.scalar(Math.fround(1 - this.accBeta2));
      const g = tf.concat(gradients.map((x) => tf.reshape(x, [-1])));
      const newM = tf.add(tf.mul(this.m, c.beta1), tf.mul(g, c.oneMinusBeta1));
      const newV = tf.add(tf.mul(this.v, c.beta2), tf.mul(tf.square(g), c.oneMinusBeta2));
      const correctedM = tf.div(newM, oneMinusAccBeta1);
      const correctedV = tf.div(newV, oneMinusAccBeta2);
      this.m.assign(newM);
      this.v.assign(newV);
      const step = tf.mul(tf.div(correctedM, tf.add(tf.sqrt(correctedV), c.epsilon)), c.step);
      const parts = tf.split(step, this.sizes);
      this.vars.forEach((w, i) => w.assign(tf.add(tf.reshape(parts[i], w.shape), w)));
    });
    this.accBeta1 = Math.fround(this.accBeta1 * Math.fround(this.beta1));
    this.accBeta2 = Math.fround(this.accBeta2 * Math.fround(this.beta2));
  }

  /** Frees the moment estimates. */
  dispose(): void {
    for (const t of [this.m, this.v, ...Object.values(this.constants)]) t.dispose();
  }
}
