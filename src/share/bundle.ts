import { SpecError } from '../core/errors';
import { decodeDocument, restorePipeline } from '../core/restore';
import { stepCatalog } from '../steps/catalog';
import type { PipelabDb } from '../storage/db';
import { guardedWrite } from '../storage/quota';
import { versionsOf } from '../storage/versions-repo';
import { withText } from '../storage/datasets-repo';
import type { StoredDataset, StoredModel, StoredPipeline, StoredRun, StoredVersion } from '../storage/records';
import { APP_VERSION } from '../engine/environment';
import { ShareError } from './share-error';
import { checkRowFields, verifyBundleData } from './bundle-fields';
import { summarizeRun } from '../storage/run-summary';
import { fromJsonSafe, toJsonSafe } from './typed-json';
import { readStoredBoard, type StoredBoard } from '../class/board-record';
import { boardsOf, mergeBoards } from '../storage/boards-repo';

/** Format tag of a bundle file. */
export const BUNDLE_FORMAT = 'pipelab/bundle';
/** The newest bundle version this build reads and writes. */
export const BUNDLE_VERSION = 1;
/** Largest bundle accepted, in characters. */
export const MAX_BUNDLE_TEXT = 200_000_000;

/**
 * A pipeline as a bundle carries it: its stored row with its head version in `headVersion`
 * (where rows kept it before schema v4), so the file format is unchanged.
 */
export type BundledPipeline = StoredPipeline & { readonly headVersion: string | null };

/** A pipeline with its whole history, as one file. */
export interface Bundle {
  readonly pipeline: BundledPipeline;
  readonly versions: readonly StoredVersion[];
  readonly runs: readonly StoredRun[];
  readonly datasets: readonly StoredDataset[];
  readonly models: readonly StoredModel[];
  /** Class boards made from the pipeline (absent when there are none, so older files read the same). */
  readonly boards?: readonly StoredBoard[];
}

/** What an import added (everything else was already there). */
export interface ImportSummary {
  readonly pipelineId: string;
  readonly name: string;
  readonly newPipeline: boolean;
  readonly versions: number;
  readonly runs: number;
  readonly datasets: number;
  readonly models: number;
}

/** Collects a pipeline with its versions, runs, data sets and models. */
export async function collectBundle(db: PipelabDb, pipelineId: string): Promise<Bundle> {
  const row = await db.pipelines.get(pipelineId);
  if (!row) throw new ShareError('That pipeline no longer exists.');
  const pipeline = withHeadVersion(row, (await db.heads.get(pipelineId))?.hash ?? null);
  const versions = await versionsOf(db, pipelineId).toArray();
  const runs = await db.runs.where('pipelineId').equals(pipelineId).toArray();
  const hashes = [...new Set(runs.flatMap((r) => Object.values(r.datasetHashes ?? {})))];
  const rows = (await db.datasets.bulkGet(hashes)).filter((d) => d !== undefined);
  const datasets = await Promise.all(rows.map(withText)); // a bundle carries every data set as text
  const models = (await db.models.bulkGet(runs.map((r) => r.id))).filter((m): m is StoredModel => Boolean(m));
  const boards = await boardsOf(db, pipelineId);
  return { pipeline, versions, runs, datasets, models, ...(boards.length ? { boards } : {}) };
}

/** The row with `headVersion` put right after `spec`, where rows held it before, so the file's text is as it was. */
function withHeadVersion(row: StoredPipeline, headVersion: string | null): BundledPipeline {
  const entries = Object.entries(row).flatMap(([k, v]) => (k === 'spec' ? [[k, v], ['headVersion', headVersion]] : [[k, v]]));
  return Object.fromEntries(entries) as BundledPipeline;
}

/** The bundle file's text (format-tagged, versioned JSON). */
export function bundleText(bundle: Bundle): string {
  return JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, app: APP_VERSION, ...(toJsonSafe(bundle) as object) });
}

/** Reads a bundle file: size limit, format and version, and every spec through the one restore path. */
export function parseBundle(text: string): Bundle {
  let doc: Record<string, unknown>;
  try {
    doc = decodeDocument(text, MAX_BUNDLE_TEXT);
  } catch (err) {
    throw new ShareError(`This file is not a pipelab bundle: ${(err as Error).message}.`);
  }
  if (doc.format !== BUNDLE_FORMAT) throw new ShareError('This file is not a pipelab bundle (its format tag is missing or wrong).');
  if (typeof doc.version !== 'number' || doc.version > BUNDLE_VERSION || doc.version < 1) {
    throw new ShareError(doc.version && Number(doc.version) > BUNDLE_VERSION ? 'This bundle was made by a newer pipelab: update the app to open it.' : 'The bundle has no valid version.');
  }
  const b = fromJsonSafe(doc) as Record<string, unknown>;
  const pipeline = b.pipeline as BundledPipeline;
  if (!pipeline || typeof pipeline.id !== 'string' || !Array.isArray(b.versions) || !Array.isArray(b.runs)) {
    throw new ShareError('The bundle is damaged: it lacks its pipeline, versions or runs.');
  }
  const restore = (spec: unknown, where: string) => {
    try {
      return restorePipeline(spec, stepCatalog);
    } catch (err) {
      if (err instanceof SpecError) throw new ShareError(`The bundle's ${where} is not a valid pipeline: ${err.message}.`);
      throw err;
    }
  };
  const pipelineSpec = restore(pipeline.spec, 'pipeline');
  checkRowFields(pipeline as unknown as Record<string, unknown>, 'pipeline', 'pipeline');
  const versions = checkEntries<StoredVersion>(b.versions, 'version', (v) => HEX64.test(String(v.hash)) && typeof v.createdAt === 'number', 'versions').map((v, i) => ({ ...v, pipelineId: pipeline.id, spec: restore(v.spec, `version ${i + 1}`) }));
  const runs = (b.runs as StoredRun[]).map((r, i) => checkRun(r, i, pipeline.id, restore));
  return {
    pipeline: { ...pipeline, spec: pipelineSpec, deletedAt: null },
    versions, runs,
    datasets: checkEntries<StoredDataset>(b.datasets ?? [], 'data set', (d) => HEX64.test(String(d.hash)) && typeof d.text === 'string' && (d.format === 'csv' || d.format === 'tsv' || d.format === 'json') && (d.origin === undefined || d.origin === 'import' || d.origin === 'generated'), 'datasets'),
    models: checkEntries<StoredModel>(b.models ?? [], 'model', (m) => typeof m.runId === 'string' && m.weightData instanceof ArrayBuffer && Array.isArray(m.weightSpecs), 'models'),
    ...(Array.isArray(b.boards) ? { boards: b.boards.map((board, i) => ({ ...readStoredBoard(board, i), pipelineId: pipeline.id })) } : {}),
  };
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Row kinds of bundle lists, for checkRowFields. */
const LIST_ROWS = { versions: 'version', datasets: 'dataset', models: 'model' } as const;

/**
 * Checks every entry of a bundle list is an object that passes `ok` and whose plain fields
 * have their stored types; a damaged entry is a ShareError naming it (and the field's path).
 */
function checkEntries<T>(value: unknown, what: string, ok: (entry: Record<string, unknown>) => boolean, list: keyof typeof LIST_ROWS): T[] {
  if (!Array.isArray(value)) throw new ShareError(`The bundle's ${what} list is damaged.`);
  value.forEach((e, i) => {
    if (e === null || typeof e !== 'object' || Array.isArray(e)) throw new ShareError(`The bundle's ${what} ${i + 1} is damaged.`);
    checkRowFields(e as Record<string, unknown>, LIST_ROWS[list], `${list}[${i}]`);
    if (!ok(e as Record<string, unknown>)) throw new ShareError(`The bundle's ${what} ${i + 1} is damaged.`);
  });
  return value as T[];
}

function checkRun(r: StoredRun, i: number, pipelineId: string, restore: (spec: unknown, where: string) => unknown): StoredRun {
  const record = r?.view?.record;
  if (typeof r?.id !== 'string' || !record || !Array.isArray(record.steps) || typeof record.metrics !== 'object') {
    throw new ShareError(`The bundle's run ${i + 1} is damaged.`);
  }
  checkRowFields(r as unknown as Record<string, unknown>, 'run', `runs[${i}]`);
  restore(record.spec, `run ${i + 1}`);
  // The summary is derived data: rebuild it rather than trust the file.
  return { ...r, pipelineId, versionHash: String(record.versionHash ?? r.versionHash), createdAt: Number(r.createdAt) || 0, summary: summarizeRun(record) };
}

/**
 * Merges a bundle into the database without duplicates (same ids and content hashes are
 * skipped: a stored row is never replaced). Every data set's text is hashed first and the
 * bundle refused when one does not match its hash.
 */
export async function importBundle(db: PipelabDb, bundle: Bundle): Promise<ImportSummary> {
  await verifyBundleData(bundle.datasets);
  const id = bundle.pipeline.id;
  return guardedWrite(() =>
    db.transaction('rw', [db.pipelines, db.heads, db.versions, db.runs, db.datasets, db.models, db.classBoards], async () => {
      const existing = await db.pipelines.get(id);
      if (!existing) await addPipeline(db, bundle.pipeline);
      else if (existing.deletedAt !== null) await db.pipelines.update(id, { deletedAt: null });
      const count = {
        versions: await addMissing(bundle.versions, (v) => db.versions.get([id, v.hash]), (v) => db.versions.add(v)),
        runs: await addMissing(bundle.runs, (r) => db.runs.get(r.id), (r) => db.runs.add(r)),
        datasets: await addMissing(bundle.datasets, (d) => db.datasets.get(d.hash), (d) => db.datasets.add(d)),
        models: await addMissing(bundle.models, (m) => db.models.get(m.runId), (m) => db.models.add(m)),
      };
      await mergeBoards(db, bundle.boards ?? []);
      return { pipelineId: id, name: (existing ?? bundle.pipeline).name, newPipeline: !existing, ...count };
    }),
  );
}

/** Stores a bundled pipeline: its row, and its head version (if any) in the heads table. */
async function addPipeline(db: PipelabDb, pipeline: BundledPipeline): Promise<void> {
  const { headVersion, ...row } = pipeline;
  await db.pipelines.add({ ...row, updatedAt: Date.now() });
  if (typeof headVersion === 'string') await db.heads.put({ pipelineId: row.id, hash: headVersion });
}

/** Adds the items not yet stored; returns how many were added. */
async function addMissing<T>(items: readonly T[], find: (item: T) => Promise<unknown>, add: (item: T) => Promise<unknown>): Promise<number> {
  let added = 0;
  for (const item of items) {
    if (await find(item)) continue;
    await add(item);
    added++;
  }
  return added;
}
