import type { FittedModel } from '../../core/state';
import type { Tf } from '../step';
import { predictNet, type Activation, type NetShape } from './neural-net';
import { replayProbabilities } from './replay';

/** Kinds of model whose fitted weights are a softmax network (logistic regression is one with no hidden layer). */
const SOFTMAX_MODELS = new Set(['model.logistic-regression', 'model.mlp-classifier']);

/**
 * Class probabilities of a fitted classifier for new rows (row-major features in
 * the model's feature order): softmax networks on tfjs, kNN, naive Bayes and trees in
 * plain float64 (see replay.ts); null when the model is not a classifier pipelab can replay.
 */
export function predictProbabilities(tf: Tf, model: FittedModel, x: Float32Array): Float32Array | null {
  const plain = replayProbabilities(model, x);
  if (plain) return Float32Array.from(plain);
  if (!SOFTMAX_MODELS.has(model.kind)) return null;
  const shape: NetShape = {
    sizes: model.info.layers as number[],
    activation: (model.info.activation as Activation | undefined) ?? 'relu',
    output: 'softmax',
  };
  return predictNet(tf, shape, model.weights, x);
}
