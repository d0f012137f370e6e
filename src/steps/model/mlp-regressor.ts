import { describeStep } from '../../core/step-description';
import type { FittedModel } from '../../core/state';
import { defineStep, type Tf } from '../step';
import { meanAndScale } from '../transform/standardize';
import { designMatrix, regressionInput } from './inputs/design-matrix';
import { predictNet, trainNet, type NetShape } from './network/neural-net';
import { denseLayers, hiddenUnits, netShapeOf, type NetworkInfo } from './network/network-model';
import { mlpLines, networkNotes } from './network/network-python';
import { OPTIMIZER_PARAM } from './optim/optimizers';
import { replaySnapshots } from './network/replay-snapshots';
import { ACTIVATION_PARAM, HIDDEN_LAYERS_PARAM, batchSizeParam, epochsParam, l2Param, learningRateParam } from './network/training-params';

/** What the palette, forms and restore know of `mlpRegressor`: plain data, no code. */
export const mlpRegressorDescription = describeStep({
  kind: 'model.mlp-regressor',
  version: 1,
  category: 'model',
  label: 'Neural network regressor (MLP)',
  keywords: ['MLPRegressor', 'neural net', 'deep learning', 'perceptron', 'dense layers', 'ANN'],
  help: 'Predicts a number with layers of units that can follow curved relationships. Needs scaled inputs.',
  usesRandomness: true,
  needs: ['scaled'],
  params: {
    hiddenLayers: HIDDEN_LAYERS_PARAM,
    activation: ACTIVATION_PARAM,
    learningRate: learningRateParam(0.01),
    optimizer: OPTIMIZER_PARAM,
    epochs: epochsParam(100),
    batchSize: batchSizeParam(32),
    l2: l2Param(0.0001),
  },
  model: {
    task: 'regression',
    replay: 'training',
    python: (p, out) => mlpLines(p, out, true),
    pythonNotes: (p) => networkNotes(p, true, false),
  },
});

/**
 * A multi-layer perceptron for numeric targets. The target is standardized on the
 * training rows for training (so the loss curve is in target standard deviations)
 * and predictions are mapped back to the target's units.
 */
export const mlpRegressor = defineStep(mlpRegressorDescription, {
  async run(ctx, input, params) {
    const data = regressionInput(input, 'The MLP regressor');
    const { mean, scale } = meanAndScale(data.target.values, data.split.train);
    const scaled = (rows: Int32Array) => Float32Array.from(rows, (r) => (data.target.values[r] - mean) / scale);
    const shape: NetShape = {
      sizes: [data.features.length, ...(params.hiddenLayers), 1],
      activation: params.activation,
      output: 'linear',
    };
    const info = { layers: shape.sizes, activation: shape.activation, features: data.features.map((f) => f.name), targetMean: mean, targetScale: scale };
    const { weights, history } = await trainNet({
      tf: ctx.tf,
      shape,
      xTrain: designMatrix(data.features, data.split.train, data.rowCount),
      yTrain: scaled(data.split.train),
      xTest: designMatrix(data.features, data.split.test, data.rowCount),
      yTest: scaled(data.split.test),
      optimizer: params.optimizer,
      learningRate: params.learningRate,
      epochs: params.epochs,
      batchSize: params.batchSize,
      l2: params.l2,
      epsilon: ctx.epsilon,
      rng: ctx.rng,
      signal: ctx.signal,
      onEpoch: (record) => ctx.onEpoch(record, params.epochs),
      snapshot: replaySnapshots(ctx, params.epochs, (w) => ({ kind: 'model.mlp-regressor', weights: w, info })),
    });
    const raw = predictNet(ctx.tf, shape, weights, designMatrix(data.features, null, data.rowCount));
    const values = Float64Array.from(raw, (v) => v * scale + mean);
    return {
      ...input,
      model: { kind: 'model.mlp-regressor', weights, info },
      predictions: { task: 'regression', values },
      history,
      evaluation: null,
    };
  },
  fitted: {
    networkUnits: (p) => hiddenUnits(p.hiddenLayers),
    predict: (model: FittedModel<NetworkRegressorInfo>, x, tf) => {
      if (!tf) return null;
      const { targetMean, targetScale } = targetScalingOf(model);
      const raw = predictNet(tf, netShapeOf(model, 'linear'), model.weights, Float32Array.from(x));
      return Float64Array.from(raw, (v) => v * targetScale + targetMean);
    },
    layers: regressorLayers,
  },
});

/** What a fitted network regressor records: its layers, and the target standardization it maps its outputs back through. */
export type NetworkRegressorInfo = NetworkInfo & { readonly targetMean: number; readonly targetScale: number };

/** The target standardization a fitted regressor maps its outputs back through. */
function targetScalingOf(model: FittedModel<NetworkRegressorInfo>): { targetMean: number; targetScale: number } {
  const { targetMean, targetScale } = model.info;
  if (typeof targetMean !== 'number' || typeof targetScale !== 'number') throw new Error(`The fitted ${model.kind} has no target scaling.`);
  return { targetMean, targetScale };
}

/** The layers form, with the target's de-standardisation folded into the last layer: y = (xW + b)·scale + mean. */
function regressorLayers(tf: Tf, model: FittedModel<NetworkRegressorInfo>) {
  const values = model.weights.map((w) => Float32Array.from(w.values));
  const { targetMean, targetScale } = targetScalingOf(model);
  const kernel = values[values.length - 2];
  const bias = values[values.length - 1];
  for (let i = 0; i < kernel.length; i++) kernel[i] *= targetScale;
  for (let i = 0; i < bias.length; i++) bias[i] = bias[i] * targetScale + targetMean;
  return denseLayers(tf, netShapeOf(model, 'linear'), values, model.weights.map((w) => [...w.shape]));
}
