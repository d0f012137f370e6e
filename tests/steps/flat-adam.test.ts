import { describe, expect, it } from 'vitest';
import type * as TF from '@tensorflow/tfjs';
import { FlatAdam } from '../../src/steps/model/optim/flat-adam';
import { tf } from '../helpers';

// A two-layer network's loss on fixed data, with weights of several shapes (matrices and biases).
function setup(seed: number) {
  const x = tf.randomNormal([24, 5], 0, 1, 'float32', seed);
  const y = tf.oneHot(tf.tensor1d(Array.from({ length: 24 }, (_, i) => (i * 7) % 3), 'int32'), 3).asType('float32');
  const shapes = [[5, 8], [8], [8, 3], [3]];
  const vars = shapes.map((s, i) => tf.variable(tf.randomUniform(s, -0.5, 0.5, 'float32', seed + i + 1)));
  const loss = () =>
    tf.tidy(() => {
      const h = tf.relu(tf.add(tf.matMul(x, vars[0] as TF.Tensor2D), vars[1]));
      const out = tf.add(tf.matMul(h as TF.Tensor2D, vars[2] as TF.Tensor2D), vars[3]);
      return tf.add(tf.losses.softmaxCrossEntropy(y, out), tf.mul(tf.sum(tf.square(vars[0])), 1e-3)) as TF.Scalar;
    });
  return { vars, loss, inputs: [x, y] };
}

async function bytesOf(vars: TF.Variable[]): Promise<number[]> {
  const out: number[] = [];
  for (const v of vars) out.push(...new Uint8Array(((await v.data()) as Float32Array).buffer));
  return out;
}

describe('FlatAdam', () => {
  it("gives every weight exactly the bits of tfjs's Adam, step after step, and leaves no tensor behind", async () => {
    const a = setup(3);
    const b = setup(3);
    const untrained = await bytesOf(setup(3).vars);
    const before = tf.memory().numTensors;
    const reference = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
    const flat = new FlatAdam(tf, b.vars, 0.01, 1e-7);
    for (let step = 0; step < 25; step++) {
      reference.minimize(a.loss, false, a.vars);
      const { value, grads } = tf.variableGrads(b.loss, b.vars);
      flat.apply(b.vars.map((v) => grads[v.name]));
      tf.dispose([value, ...Object.values(grads)]);
    }
    const [ra, rb] = [await bytesOf(a.vars), await bytesOf(b.vars)];
    expect(rb).toEqual(ra);
    expect(untrained).not.toEqual(ra); // training moved the weights
    reference.dispose();
    flat.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
