import type * as TF from '@tensorflow/tfjs';
import type { ClassifierInfo, FittedModel, ModelInfo } from '../../../core/state';
import type { Tf } from '../../step';
import { predictNet, type Activation, type NetShape } from './neural-net';

/** The fitted state every network step stores in `info`: its layer sizes (inputs first) and hidden activation. */
export type NetworkInfo = ModelInfo & {
  readonly layers: readonly number[];
  readonly activation: Activation;
};

/** The info of a network classifier (softmax output). */
export type NetworkClassifierInfo = NetworkInfo & ClassifierInfo;

const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid'];

/** The network's shape read back from a fitted model; an unknown activation is an error, never a silent default. */
export function netShapeOf(model: FittedModel<NetworkInfo>, output: NetShape['output']): NetShape {
  // Checked although typed: a model read back from storage or a bundle may predate a change.
  const { activation, layers } = model.info;
  if (!ACTIVATIONS.includes(activation)) {
    throw new Error(`The fitted ${model.kind} has the unknown activation ${JSON.stringify(activation)}; expected one of ${ACTIVATIONS.join(', ')}.`);
  }
  if (!Array.isArray(layers)) throw new Error(`The fitted ${model.kind} has no layer sizes.`);
  return { sizes: layers, activation, output };
}

/** Total hidden units of a network's hidden layers (Auto's backend rule). */
export const hiddenUnits = (layers: readonly number[]): number => layers.reduce((n, u) => n + u, 0);

/** Class probabilities of a fitted softmax network for new rows; null without tfjs. */
export function softmaxPredict(model: FittedModel<NetworkInfo>, x: ArrayLike<number>, tf: Tf | null): Float32Array | null {
  if (!tf) return null;
  return predictNet(tf, netShapeOf(model, 'softmax'), model.weights, Float32Array.from(x));
}

/** A fitted network as a tf.Sequential of dense layers with its weights set; `values` overrides the weights (e.g. folded scaling). */
export function denseLayers(tf: Tf, shape: NetShape, values: Float32Array[], shapes: number[][]): TF.Sequential {
  const seq = tf.sequential();
  const sizes = shape.sizes;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const last = l + 2 === sizes.length;
    seq.add(tf.layers.dense({
      units: sizes[l + 1],
      activation: last ? shape.output : shape.activation,
      ...(l === 0 ? { inputShape: [sizes[0]] } : {}),
    }));
  }
  const tensors = values.map((v, i) => tf.tensor(v, shapes[i]));
  try {
    seq.setWeights(tensors);
  } finally {
    tensors.forEach((t) => t.dispose());
  }
  return seq;
}

/** The layers form of a fitted softmax network. */
export function softmaxLayers(tf: Tf, model: FittedModel<NetworkInfo>): TF.Sequential {
  const values = model.weights.map((w) => Float32Array.from(w.values));
  return denseLayers(tf, netShapeOf(model, 'softmax'), values, model.weights.map((w) => [...w.shape]));
}
