// A database holding a real pipeline history (versions, runs with full views, generated data, a model),
// and helpers to snapshot databases and digest typed arrays, for the bundle tests.
import { sha256Hex } from '../../src/core/hash';
import { exportModel } from '../../src/engine/model-export';
import { buildRunView } from '../../src/engine/run-view';
import type { PipelabDb } from '../../src/storage/db';
import { dexieModelHandler } from '../../src/storage/model-io';
import { createPipeline } from '../../src/storage/pipelines-repo';
import { saveRun } from '../../src/storage/runs-repo';
import { recordVersion } from '../../src/storage/versions-repo';
import { loadExample, run, tf } from '../helpers';
import { freshDb } from '../storage/helpers';

/** The source database of the bundle tests and what it holds. */
export interface SourceDb {
  readonly db: PipelabDb;
  readonly pipelineId: string;
  readonly otherPipelineId: string;
  readonly runIds: readonly string[];
  readonly resultHashes: readonly string[];
}

/**
 * Builds a database with the circle example (synthetic data, so runs store data sets):
 * two versions, two real runs (seed 42 and 7) with their run views, and run 1's
 * exported model; plus an unrelated pipeline that must stay out of the bundle.
 */
export async function sourceDb(): Promise<SourceDb> {
  const { db } = freshDb('bundle-source');
  const spec = loadExample('circle-logreg');
  const pipeline = await createPipeline(db, spec, 'tab-a', 1_000);
  const other = await createPipeline(db, loadExample('iris-logreg'), 'tab-a', 1_500);
  await recordVersion(db, other.id, other.spec, 'save');
  const runIds: string[] = [];
  const resultHashes: string[] = [];
  for (const [i, s] of [spec, { ...spec, seed: 7, name: 'Circle, seed 7' }].entries()) {
    await recordVersion(db, pipeline.id, s, i === 0 ? 'run' : 'save', i === 0 ? '' : 'seed 7');
    const result = await run(s);
    if (result.record.status !== 'done' || !result.record.resultHash) throw new Error(`the circle example failed: ${result.record.error?.message}`);
    const stored = await saveRun(db, pipeline.id, buildRunView(tf, result), 2_000 + i);
    runIds.push(stored.id);
    resultHashes.push(result.record.resultHash);
    if (i === 0) {
      const artifacts = await exportModel(tf, result.outputs.find((o) => o.stepId === 'model')!.state.model!);
      await dexieModelHandler(db, stored.id).save(artifacts!);
    }
  }
  return { db, pipelineId: pipeline.id, otherPipelineId: other.id, runIds, resultHashes };
}

/** Every row of every table, in key order (to compare a database before and after). */
export async function snapshot(db: PipelabDb): Promise<Record<string, unknown[]>> {
  return {
    pipelines: await db.pipelines.toArray(),
    versions: await db.versions.toArray(),
    runs: await db.runs.toArray(),
    datasets: await db.datasets.toArray(),
    models: await db.models.toArray(),
    settings: await db.settings.toArray(),
  };
}

/** Row counts of every table. */
export async function counts(db: PipelabDb): Promise<Record<string, number>> {
  const all = await snapshot(db);
  return Object.fromEntries(Object.entries(all).map(([k, rows]) => [k, rows.length]));
}

/** "path Type sha256" for every typed array and ArrayBuffer inside a value, in a stable order. */
export async function typedDigests(value: unknown, path = ''): Promise<string[]> {
  if (value instanceof ArrayBuffer) return [`${path} ArrayBuffer ${await sha256Hex(new Uint8Array(value))}`];
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return [`${path} ${value.constructor.name} ${await sha256Hex(bytes.slice())}`];
  }
  if (!value || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const key of Object.keys(value).sort()) out.push(...(await typedDigests((value as Record<string, unknown>)[key], `${path}.${key}`)));
  return out;
}
