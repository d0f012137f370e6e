import type * as TF from '@tensorflow/tfjs';
import type { FittedModel } from '../core/state';
import { findStep } from '../steps/registry';
import type { Tf } from '../steps/step';


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
  const layers = findStep(model.kind)?.fitted?.layers;
  return layers ? layers(tf, model) : null;
}
