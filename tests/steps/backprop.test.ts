import { describe, expect, it } from 'vitest';
import type * as TF from '@tensorflow/tfjs';
import { batchGradients } from '../../src/steps/model/network/backprop';
import type { Activation, NetShape } from '../../src/steps/model/network/neural-net';
import { tf } from '../helpers';

// The loss the training loop used to differentiate with tfjs's autodiff.
function referenceLoss(shape: NetShape, vars: TF.Tensor[], x: TF.Tensor2D, y: TF.Tensor2D, l2: number): TF.Scalar {
  let h: TF.Tensor2D = x;
  for (let l = 0; l < vars.length / 2; l++) {
    h = tf.add(tf.matMul(h, vars[2 * l] as TF.Tensor2D), vars[2 * l + 1]);
    if (l < vars.length / 2 - 1) h = shape.activation === 'tanh' ? tf.tanh(h) : shape.activation === 'sigmoid' ? tf.sigmoid(h) : tf.relu(h);
  }
  const loss = shape.output === 'softmax' ? tf.losses.softmaxCrossEntropy(y, h) : tf.losses.meanSquaredError(y, h);
  if (l2 === 0) return loss as TF.Scalar;
  const penalty = tf.addN(vars.filter((_, i) => i % 2 === 0).map((w) => tf.sum(tf.square(w))));
  return tf.add(loss, tf.mul(penalty, (0.5 * l2) / x.shape[0])) as TF.Scalar;
}

const cases: [Activation, 'softmax' | 'linear', number[], number][] = [
  ['relu', 'softmax', [6, 7, 5, 3], 1e-4],
  ['tanh', 'softmax', [6, 9, 3], 0.3],
  ['sigmoid', 'linear', [6, 4, 2], 1e-3],
  ['relu', 'linear', [6, 1], 0],
  ['relu', 'softmax', [6, 3], 0.1],
];

describe('batchGradients', () => {
  it.each(cases)('%s hidden units, %s output, layers %j, l2 %f: the bits of tfjs autodiff', async (activation, output, sizes, l2) => {
    const shape: NetShape = { sizes, activation, output };
    const rows = 13;
    const x = tf.randomNormal([rows, sizes[0]], 0, 1.5, 'float32', 7) as TF.Tensor2D;
    const k = sizes[sizes.length - 1];
    const y = (output === 'softmax'
      ? tf.oneHot(tf.tensor1d(Array.from({ length: rows }, (_, i) => (i * 5) % k), 'int32'), k).asType('float32')
      : tf.randomNormal([rows, k], 0, 1, 'float32', 8)) as TF.Tensor2D;
    const vars: TF.Variable[] = [];
    for (let l = 0; l + 1 < sizes.length; l++) {
      vars.push(tf.variable(tf.randomUniform([sizes[l], sizes[l + 1]], -0.8, 0.8, 'float32', 10 + l)));
      vars.push(tf.variable(tf.randomUniform([sizes[l + 1]], -0.2, 0.2, 'float32', 20 + l)));
    }
    const before = tf.memory().numTensors;
    const { value, grads } = tf.variableGrads(() => referenceLoss(shape, vars, x, y, l2), vars);
    const expected = await Promise.all(vars.map(async (v) => Array.from(new Uint32Array(((await grads[v.name].data()) as Float32Array).buffer))));
    tf.dispose([value, ...Object.values(grads)]);
    const mine = tf.tidy(() => batchGradients(tf, shape, vars, { x, y, rows, l2 }));
    const got = await Promise.all(mine.map(async (g) => Array.from(new Uint32Array(((await g.data()) as Float32Array).buffer))));
    tf.dispose(mine);
    expect(tf.memory().numTensors).toBe(before);
    expect(got).toEqual(expected);
    expect(expected.flat().some((bits) => bits !== 0)).toBe(true);
    tf.dispose([x, y, ...vars]);
  });
});
