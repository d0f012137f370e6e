import type { FittedModel } from '../../core/state';
import type { Tf } from '../step';
import { predictNet, type Activation, type NetShape } from './neural-net';

/** Kinds of model whose fitted weights are a softmax network (logistic regression is one with no hidden layer). */
const SOFTMAX_MODELS = new Set(['model.logistic-regression', 'model.mlp-classifier']);

/**
 * Class probabilities of a fitted classifier for new rows (row-major features in
 * the model's feature order); null when the model is not a classifier pipelab can replay.
 */
export function predictProbabilities(tf: Tf, model: FittedModel, x: Float32Array): Float32Array | null {
  if (!SOFTMAX_MODELS.has(model.kind)) return null;
  const shape: NetShape = {
    sizes: model.info.layers as number[],
    activation: (model.info.activation as Activation | undefined) ?? 'relu',
    output: 'softmax',
  };
  return predictNet(tf, shape, model.weights, x);
}
