import type * as TF from '@tensorflow/tfjs';
import type { FittedModel } from '../core/state';
import type { Tf } from '../steps/step';

/** Kinds of model that export as a stack of dense layers. */
const NETWORKS = new Set(['model.logistic-regression', 'model.mlp-classifier', 'model.mlp-regressor']);

/**
 * Rebuilds a fitted model as a tf.LayersModel and captures it in TensorFlow.js's
 * model format (topology + weight specs + weight bytes), ready for any tf.io
 * handler. Returns null for models that have no layers form.
 */
export async function exportModel(tf: Tf, model: FittedModel): Promise<TF.io.ModelArtifacts | null> {
  const layers = buildLayersModel(tf, model);
  if (!layers) return null;
  try {
    let captured: TF.io.ModelArtifacts | null = null;
    await layers.save(
      tf.io.withSaveHandler(async (artifacts) => {
        captured = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    return captured;
  } finally {
    layers.dispose();
  }
}

/** Predicts with a model in TensorFlow.js format: row-major outputs for row-major inputs. */
export async function predictWithArtifacts(tf: Tf, artifacts: TF.io.ModelArtifacts, x: Float32Array, features: number): Promise<Float32Array> {
  const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  try {
    const out = tf.tidy(() => model.predict(tf.tensor2d(x, [x.length / features, features])) as TF.Tensor);
    try {
      return (await out.data()) as Float32Array;
    } finally {
      out.dispose();
    }
  } finally {
    model.dispose();
  }
}

function buildLayersModel(tf: Tf, model: FittedModel): TF.LayersModel | null {
  if (model.kind === 'model.linear-regression') return linearModel(tf, model);
  if (!NETWORKS.has(model.kind)) return null;
  const sizes = model.info.layers as number[];
  const hidden = (model.info.activation as string | undefined) ?? 'relu';
  const output = model.kind === 'model.mlp-regressor' ? 'linear' : 'softmax';
  const seq = tf.sequential();
  for (let l = 0; l + 1 < sizes.length; l++) {
    const last = l + 2 === sizes.length;
    seq.add(tf.layers.dense({
      units: sizes[l + 1],
      activation: (last ? output : hidden) as 'relu',
      ...(l === 0 ? { inputShape: [sizes[0]] } : {}),
    }));
  }
  const values = model.weights.map((w) => Float32Array.from(w.values));
  if (model.kind === 'model.mlp-regressor') foldTargetScaling(values, model);
  setWeights(tf, seq, values, model.weights.map((w) => [...w.shape]));
  return seq;
}

/** Puts the regressor's target de-standardisation into its last layer: y = (xW + b)·scale + mean. */
function foldTargetScaling(values: Float32Array[], model: FittedModel): void {
  const scale = model.info.targetScale as number;
  const mean = model.info.targetMean as number;
  const kernel = values[values.length - 2];
  const bias = values[values.length - 1];
  for (let i = 0; i < kernel.length; i++) kernel[i] *= scale;
  for (let i = 0; i < bias.length; i++) bias[i] = bias[i] * scale + mean;
}

function linearModel(tf: Tf, model: FittedModel): TF.LayersModel {
  const coef = model.weights[0].values;
  const seq = tf.sequential();
  seq.add(tf.layers.dense({ units: 1, inputShape: [coef.length] }));
  setWeights(tf, seq, [Float32Array.from(coef), Float32Array.from(model.weights[1].values)], [[coef.length, 1], [1]]);
  return seq;
}

function setWeights(tf: Tf, seq: TF.Sequential, values: Float32Array[], shapes: number[][]): void {
  const tensors = values.map((v, i) => tf.tensor(v, shapes[i]));
  try {
    seq.setWeights(tensors);
  } finally {
    tensors.forEach((t) => t.dispose());
  }
}
