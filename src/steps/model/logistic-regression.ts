import { defineStep } from '../step';
import { fitClassifier } from './fit-classifier';
import { OPTIMIZER_PARAM } from './optimizers';
import { batchSizeParam, epochsParam, l2Param, learningRateParam } from './training-params';

/** Multinomial (softmax) logistic regression trained by gradient descent on TensorFlow.js. */
export const logisticRegression = defineStep({
  kind: 'model.logistic-regression',
  version: 1,
  category: 'model',
  label: 'Logistic regression',
  help: 'A linear classifier: draws straight boundaries between classes. Fast and a good first baseline.',
  usesRandomness: true,
  params: {
    learningRate: learningRateParam(0.1),
    epochs: epochsParam(100),
    batchSize: batchSizeParam(32),
    l2: l2Param(0.1),
    optimizer: OPTIMIZER_PARAM,
  },
  run: (ctx, input, params) => fitClassifier(ctx, input, params, [], 'Logistic regression', 'model.logistic-regression'),
});
