import type { FittedModel } from '../../core/state';
import { naiveBayesFitOf } from './gaussian-nb';
import { knnMemoryOf } from './knn';
import { knnProbabilities, knnValues, type KnnWeighting } from './knn-core';
import { jointLogLikelihood, probabilitiesFromLogLikelihood } from './naive-bayes-core';
import { forestOf, forestPredict } from './tree-model';

/** Classifier kinds fitted in plain float64 JavaScript, whose fitted state is all in the model's weights and info. */
const PLAIN_CLASSIFIERS = new Set(['model.knn-classifier', 'model.gaussian-nb', 'model.decision-tree', 'model.random-forest']);

/** Regressor kinds fitted in plain float64 JavaScript. */
const PLAIN_REGRESSORS = new Set(['model.knn-regressor', 'model.decision-tree-regressor', 'model.random-forest-regressor']);

/**
 * Float64 class probabilities (rows × classes) of a plain-JS classifier for new
 * row-major rows in the model's feature order; null for any other model.
 */
export function replayProbabilities(model: FittedModel, x: ArrayLike<number>): Float64Array | null {
  if (!PLAIN_CLASSIFIERS.has(model.kind)) return null;
  const d = (model.info.features as string[]).length;
  const classes = (model.info.classes as string[]).length;
  switch (model.kind) {
    case 'model.knn-classifier':
      return knnProbabilities(knnMemoryOf(model), x, classes, model.info.k as number, model.info.weights as KnnWeighting);
    case 'model.gaussian-nb':
      return probabilitiesFromLogLikelihood(jointLogLikelihood(naiveBayesFitOf(model), x, d), classes);
    default:
      return forestPredict(forestOf(model), x, d);
  }
}

/** Predicted values of a plain-JS regressor for new row-major rows; null for any other model. */
export function replayValues(model: FittedModel, x: ArrayLike<number>): Float64Array | null {
  if (!PLAIN_REGRESSORS.has(model.kind)) return null;
  const d = (model.info.features as string[]).length;
  if (model.kind === 'model.knn-regressor') return knnValues(knnMemoryOf(model), x, model.info.k as number, model.info.weights as KnnWeighting);
  return forestPredict(forestOf(model), x, d);
}
