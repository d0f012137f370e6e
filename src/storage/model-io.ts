import type { io } from '@tensorflow/tfjs';
import type { PipelabDb } from './db';
import { guardedWrite } from './quota';

/**
 * A tf.io handler that saves a run's model into IndexedDB (through Dexie) and
 * loads it back, in TensorFlow.js's own model format.
 */
export function dexieModelHandler(db: PipelabDb, runId: string): Required<Pick<io.IOHandler, 'save' | 'load'>> {
  return {
    async save(artifacts: io.ModelArtifacts): Promise<io.SaveResult> {
      const weightData = toArrayBuffer(artifacts.weightData);
      await guardedWrite(() =>
        db.models.put({
          runId,
          modelTopology: artifacts.modelTopology,
          weightSpecs: artifacts.weightSpecs ?? [],
          weightData,
          format: artifacts.format,
          generatedBy: artifacts.generatedBy,
          createdAt: Date.now(),
        }),
      );
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          modelTopologyBytes: JSON.stringify(artifacts.modelTopology ?? null).length,
          weightSpecsBytes: JSON.stringify(artifacts.weightSpecs ?? []).length,
          weightDataBytes: weightData.byteLength,
        },
      };
    },
    async load(): Promise<io.ModelArtifacts> {
      const row = await db.models.get(runId);
      if (!row) throw new Error(`No stored model for run ${runId}`);
      return {
        modelTopology: row.modelTopology as io.ModelArtifacts['modelTopology'],
        weightSpecs: row.weightSpecs as io.WeightsManifestEntry[],
        weightData: row.weightData,
        format: row.format,
        generatedBy: row.generatedBy,
      };
    },
  };
}

function toArrayBuffer(data: io.ModelArtifacts['weightData']): ArrayBuffer {
  if (!data) return new ArrayBuffer(0);
  if (data instanceof ArrayBuffer) return data;
  const parts = data as ArrayBuffer[];
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), offset);
    offset += p.byteLength;
  }
  return out.buffer;
}
