import { describeStep, type ModelDescription } from '../../core/step-description';
import { StepInputError } from '../../core/errors';
import type { ChoiceParam, NumberParam } from '../../core/params';
import type { FittedModel, ModelInfo } from '../../core/state';
import { pyModel, pyNumber } from '../../core/python-code';
import { defineStep, type ModelCode } from '../step';
import { classificationInput, regressionInput, type SupervisedInput } from './inputs/design-matrix';
import { knnProbabilities, knnValues, type KnnMemory, type KnnWeighting } from './neighbours/knn-core';
import { argmaxRows, classifierOutput, regressorOutput, rowMajor64, weightValues } from './inputs/rows';

const K_PARAM: NumberParam = {
  type: 'number',
  label: 'Neighbours (k)',
  help: 'How many of the closest training rows vote. Small k follows every wiggle of the data; large k gives smoother boundaries.',
  default: 5,
  min: 1,
  max: 100,
  integer: true,
};

const WEIGHTS_PARAM: ChoiceParam<KnnWeighting> = {
  type: 'choice',
  label: 'Weights',
  help: 'Uniform: every neighbour counts the same. Distance: closer neighbours count more (1 / distance).',
  default: 'uniform',
  options: [
    { value: 'uniform', label: 'Uniform' },
    { value: 'distance', label: 'By distance' },
  ],
};

/** The params of both kNN steps. */
interface KnnParams {
  readonly k: number;
  readonly weights: KnnWeighting;
}

const HELP_TIES = 'Distance is Euclidean, so scale the features first; equally distant rows are taken in row order.';

/** Checks k against the training rows and builds the model's memory from them. */
function memoryOf(data: SupervisedInput, targets: ArrayLike<number>, k: number, label: string): KnnMemory {
  const train = data.split.train;
  if (k > train.length) {
    throw new StepInputError(`${label} asks for k = ${k} neighbours but there are only ${train.length} training rows: lower k or use more rows.`);
  }
  return { x: rowMajor64(data.features, train, data.rowCount), y: Float64Array.from(train, (r) => targets[r]), d: data.features.length };
}

/** What a fitted kNN model records besides its memory: the k and weighting it predicts with. */
export type KnnInfo = ModelInfo & KnnParams;

function knnModel(kind: string, memory: KnnMemory, data: SupervisedInput, params: KnnParams, classes?: readonly string[]): FittedModel<KnnInfo> {
  const n = memory.y.length;
  return {
    kind,
    weights: [
      { name: 'memory', shape: [n, memory.d], values: memory.x },
      { name: 'memoryTarget', shape: [n], values: memory.y },
    ],
    info: { features: data.features.map((f) => f.name), ...(classes ? { classes } : {}), k: params.k, weights: params.weights },
  };
}

/** The memory of a fitted kNN model, for replaying it on new rows. */
export function knnMemoryOf(model: FittedModel<KnnInfo>): KnnMemory {
  const x = weightValues(model, 'memory') as Float64Array;
  return { x, y: weightValues(model, 'memoryTarget') as Float64Array, d: model.info.features.length };
}

const KNN_TIES =
  "k-nearest neighbours: pipelab takes equally distant training rows in row order; scikit-learn's k-d tree search promises no order on such ties, " +
  'so a tie at the k-th neighbour can pick another row (rare with continuous features; the scores matched exactly in our tests).';

/** The task and Python export of a kNN step (scikit-learn's class `cls`). */
function knnDescribed(task: 'classification' | 'regression', cls: string): ModelDescription<KnnParams> {
  return {
    task,
    python: (p, out) => pyModel(out, 'sklearn.neighbors', cls, [`n_neighbors=${pyNumber(p.k, 'k', true)}`, `weights="${p.weights}"`, 'algorithm="kd_tree"']),
    pythonNotes: () => [KNN_TIES],
  };
}

/** How a fitted kNN model predicts new rows. */
function knnFitted(task: 'classification' | 'regression'): ModelCode<KnnParams, KnnInfo> {
  return {
    predict: (model, x) => {
      const { k, weights } = knnParamsOf(model);
      if (task === 'regression') return knnValues(knnMemoryOf(model), x, k, weights);
      return knnProbabilities(knnMemoryOf(model), x, (model.info.classes ?? []).length, k, weights);
    },
  };
}

/** The k and weighting a fitted kNN model was fitted with. */
function knnParamsOf(model: FittedModel<KnnInfo>): KnnParams {
  const { k, weights } = model.info;
  if (typeof k !== 'number' || (weights !== 'uniform' && weights !== 'distance')) throw new Error(`The fitted ${model.kind} has no valid k or weights: refit the model.`);
  return { k, weights };
}

/** What the palette, forms and restore know of `knnClassifier`: plain data, no code. */
export const knnClassifierDescription = describeStep({
  kind: 'model.knn-classifier',
  version: 1,
  category: 'model',
  label: 'k-nearest neighbours',
  keywords: ['KNeighborsClassifier', 'KNN', 'k-NN', 'k-nearest neighbors', 'nearest neighbour', 'nearest neighbor'],
  help: `Classifies a row by the classes of the k training rows closest to it. No training, just memory. ${HELP_TIES}`,
  usesRandomness: false,
  needs: ['scaled'],
  params: { k: K_PARAM, weights: WEIGHTS_PARAM },
  model: knnDescribed('classification', 'KNeighborsClassifier'),
});

/** k-nearest-neighbours classifier: each row takes the (weighted) majority class of its k closest training rows. */
export const knnClassifier = defineStep(knnClassifierDescription, {
  async run(_ctx, input, params) {
    const label = 'k-nearest neighbours';
    const data = classificationInput(input, label);
    const classes = data.target.categories;
    const memory = memoryOf(data, data.target.codes, params.k, label);
    const all = rowMajor64(data.features, null, data.rowCount);
    const probabilities = knnProbabilities(memory, all, classes.length, params.k, params.weights);
    const model = knnModel('model.knn-classifier', memory, data, params, classes);
    return classifierOutput(input, model, probabilities, argmaxRows(probabilities, classes.length), classes);
  },
  fitted: knnFitted('classification'),
});

/** What the palette, forms and restore know of `knnRegressor`: plain data, no code. */
export const knnRegressorDescription = describeStep({
  kind: 'model.knn-regressor',
  version: 1,
  category: 'model',
  label: 'k-nearest neighbours regressor',
  keywords: ['KNeighborsRegressor', 'KNN', 'k-NN', 'k-nearest neighbors', 'nearest neighbour', 'nearest neighbor'],
  help: `Predicts a number as the average target of the k training rows closest to the row. ${HELP_TIES}`,
  usesRandomness: false,
  needs: ['scaled'],
  params: { k: K_PARAM, weights: WEIGHTS_PARAM },
  model: knnDescribed('regression', 'KNeighborsRegressor'),
});

/** k-nearest-neighbours regressor: each row takes the (weighted) mean target of its k closest training rows. */
export const knnRegressor = defineStep(knnRegressorDescription, {
  async run(_ctx, input, params) {
    const label = 'The k-nearest neighbours regressor';
    const data = regressionInput(input, label);
    const memory = memoryOf(data, data.target.values, params.k, label);
    const values = knnValues(memory, rowMajor64(data.features, null, data.rowCount), params.k, params.weights);
    return regressorOutput(input, knnModel('model.knn-regressor', memory, data, params), values);
  },
  fitted: knnFitted('regression'),
});
