import { describeStep } from '../../core/step-description';
import { defineStep } from '../step';
import { fitClassifier } from './network/fit-classifier';
import { hiddenUnits, softmaxLayers, softmaxPredict } from './network/network-model';
import { mlpLines, networkNotes } from './network/network-python';
import { OPTIMIZER_PARAM } from './optim/optimizers';
import { ACTIVATION_PARAM, HIDDEN_LAYERS_PARAM, batchSizeParam, epochsParam, l2Param, learningRateParam } from './network/training-params';

/** What the palette, forms and restore know of `mlpClassifier`: plain data, no code. */
export const mlpClassifierDescription = describeStep({
  kind: 'model.mlp-classifier',
  version: 1,
  category: 'model',
  label: 'Neural network classifier (MLP)',
  keywords: ['MLPClassifier', 'neural net', 'deep learning', 'perceptron', 'dense layers', 'ANN'],
  help: 'Layers of units that can learn curved boundaries, such as spirals. Needs scaled inputs and more training than a linear model.',
  usesRandomness: true,
  needs: ['scaled'],
  params: {
    hiddenLayers: HIDDEN_LAYERS_PARAM,
    activation: ACTIVATION_PARAM,
    learningRate: learningRateParam(0.01),
    optimizer: OPTIMIZER_PARAM,
    epochs: epochsParam(50),
    batchSize: batchSizeParam(32),
    l2: l2Param(0.0001),
  },
  model: {
    task: 'classification',
    replay: 'training',
    python: (p, out) => mlpLines(p, out, false),
    pythonNotes: (p, facts) => networkNotes(p, false, facts.twoClasses),
  },
});

/** A multi-layer perceptron classifier trained on TensorFlow.js. */
export const mlpClassifier = defineStep(mlpClassifierDescription, {
  run: (ctx, input, params) =>
    fitClassifier(ctx, input, params, params.hiddenLayers, 'The MLP classifier', 'model.mlp-classifier'),
  fitted: {
    networkUnits: (p) => hiddenUnits(p.hiddenLayers),
    predict: softmaxPredict,
    layers: softmaxLayers,
  },
});
