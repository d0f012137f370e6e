import type { PipelabDb } from '../../storage/db';
import { saveFile } from './save-file';

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
  saveFile(JSON.stringify(modelJson), `${baseName}.json`, 'application/json');
  saveFile(row.weightData, `${baseName}.weights.bin`, 'application/octet-stream');
  return true;
}
