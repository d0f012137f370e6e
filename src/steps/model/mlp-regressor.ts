import { defineStep } from '../step';
import { meanAndScale } from '../transform/standardize';
import { designMatrix, regressionInput } from './design-matrix';
import { predictNet, trainNet, type Activation, type NetShape } from './neural-net';
import { OPTIMIZER_PARAM } from './optimizers';
import { ACTIVATION_PARAM, HIDDEN_LAYERS_PARAM, batchSizeParam, epochsParam, l2Param, learningRateParam } from './training-params';

/**
 * A multi-layer perceptron for numeric targets. The target is standardized on the
 * training rows for training (so the loss curve is in target standard deviations)
 * and predictions are mapped back to the target's units.
 */
export const mlpRegressor = defineStep({
  kind: 'model.mlp-regressor',
  version: 1,
  category: 'model',
  label: 'Neural network regressor (MLP)',
  help: 'Predicts a number with layers of units that can follow curved relationships. Needs scaled inputs.',
  usesRandomness: true,
  params: {
    hiddenLayers: HIDDEN_LAYERS_PARAM,
    activation: ACTIVATION_PARAM,
    learningRate: learningRateParam(0.01),
    optimizer: OPTIMIZER_PARAM,
    epochs: epochsParam(100),
    batchSize: batchSizeParam(32),
    l2: l2Param(0.0001),
  },
  async run(ctx, input, params) {
    const data = regressionInput(input, 'The MLP regressor');
    const { mean, scale } = meanAndScale(data.target.values, data.split.train);
    const scaled = (rows: Int32Array) => Float32Array.from(rows, (r) => (data.target.values[r] - mean) / scale);
    const shape: NetShape = {
      sizes: [data.features.length, ...(params.hiddenLayers as number[]), 1],
      activation: params.activation as Activation,
      output: 'linear',
    };
    const { weights, history } = await trainNet({
      tf: ctx.tf,
      shape,
      xTrain: designMatrix(data.features, data.split.train, data.rowCount),
      yTrain: scaled(data.split.train),
      xTest: designMatrix(data.features, data.split.test, data.rowCount),
      yTest: scaled(data.split.test),
      optimizer: params.optimizer as string,
      learningRate: params.learningRate as number,
      epochs: params.epochs as number,
      batchSize: params.batchSize as number,
      l2: params.l2 as number,
      epsilon: ctx.epsilon,
      rng: ctx.rng,
      signal: ctx.signal,
      onEpoch: (record) => ctx.onEpoch(record, params.epochs as number),
    });
    const raw = predictNet(ctx.tf, shape, weights, designMatrix(data.features, null, data.rowCount));
    const values = Float64Array.from(raw, (v) => v * scale + mean);
    return {
      ...input,
      model: {
        kind: 'model.mlp-regressor',
        weights,
        info: { layers: shape.sizes, activation: shape.activation, features: data.features.map((f) => f.name), targetMean: mean, targetScale: scale },
      },
      predictions: { task: 'regression', values },
      history,
      evaluation: null,
    };
  },
});
