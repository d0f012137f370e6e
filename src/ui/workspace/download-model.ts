import type { PipelabDb } from '../../storage/db';

/**
 * Downloads a stored run's model in TensorFlow.js's format: model.json (topology
 * and weights manifest) and weights.bin, loadable with tf.loadLayersModel.
 */
export async function downloadModel(db: PipelabDb, runId: string, baseName: string): Promise<boolean> {
  const row = await db.models.get(runId);
  if (!row) return false;
  const modelJson = {
    modelTopology: row.modelTopology,
    format: row.format ?? 'layers-model',
    generatedBy: row.generatedBy,
    convertedBy: null,
    weightsManifest: [{ paths: [`${baseName}.weights.bin`], weights: row.weightSpecs }],
  };
  save(new Blob([JSON.stringify(modelJson)], { type: 'application/json' }), `${baseName}.json`);
  save(new Blob([row.weightData], { type: 'application/octet-stream' }), `${baseName}.weights.bin`);
  return true;
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
