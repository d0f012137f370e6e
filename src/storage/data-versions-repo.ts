import type { PipelineSpec } from '../core/spec';
import type { PipelabDb } from './db';
import { hasDataset } from './datasets-repo';
import { savePipelineSpec } from './pipelines-repo';
import { guardedWrite } from './quota';
import type { StoredPipeline } from './records';

/** One version of an imported data set: files imported under the same name, oldest first. */
export interface DataVersion {
  readonly hash: string;
  /** 1 for the first file imported under this name, 2 for the next, … */
  readonly number: number;
  readonly createdAt: number;
}

/** Writer tag of pipeline saves made because their data got a new version. */
export const DATA_UPDATE_WRITER = 'data-update';

/** The versions of an imported data set by file name (generated data never counts), oldest first. */
export async function dataVersions(db: PipelabDb, name: string): Promise<DataVersion[]> {
  const rows = (await db.datasets.where('name').equals(name).toArray()).filter((d) => d.origin !== 'generated');
  rows.sort((a, b) => a.createdAt - b.createdAt || a.hash.localeCompare(b.hash));
  return rows.map((d, i) => ({ hash: d.hash, number: i + 1, createdAt: d.createdAt }));
}

/** The version number of a data file by hash, or null when it is not an imported file. */
export async function dataVersionOf(db: PipelabDb, hash: string): Promise<{ name: string; number: number; of: number } | null> {
  const row = await db.datasets.get(hash);
  if (!row || row.origin === 'generated') return null;
  const versions = await dataVersions(db, row.name);
  const found = versions.find((v) => v.hash === hash);
  return found ? { name: row.name, number: found.number, of: versions.length } : null;
}

/**
 * When a file of this name was imported before with other content and pipelines read
 * it: how many, and the number the new content would get as a version. Else null.
 */
export async function earlierData(db: PipelabDb, name: string, hash: string): Promise<{ users: number; nextNumber: number } | null> {
  // Content stored already is no new version (storing it adds nothing); counting by key reads no file text.
  if (await hasDataset(db, hash)) return null;
  const versions = await dataVersions(db, name);
  if (versions.length === 0 || versions.some((v) => v.hash === hash)) return null;
  const users = (await pipelinesUsingData(db, name)).length;
  return users > 0 ? { users, nextNumber: versions.length + 1 } : null;
}

/** Whether a pipeline's data got a new version since its last run. */
export async function hasNewData(db: PipelabDb, pipelineId: string): Promise<boolean> {
  return Boolean((await db.pipelines.get(pipelineId))?.staleData);
}

/** Pipelines (not deleted) with an enabled import step reading a file of this name. */
export async function pipelinesUsingData(db: PipelabDb, name: string): Promise<StoredPipeline[]> {
  const all = await db.pipelines.filter((p) => p.deletedAt === null).toArray();
  return all.filter((p) => importStepsOf(p.spec, name).length > 0);
}

/**
 * Points every pipeline that reads a file of this name at the given version
 * (its import steps' content hash), saving each as an ordinary edit. Returns
 * the ids of the pipelines that changed; each is marked `staleData` until its next run.
 */
export async function adoptDataVersion(db: PipelabDb, name: string, hash: string): Promise<string[]> {
  const changed: string[] = [];
  for (const pipeline of await pipelinesUsingData(db, name)) {
    if (await adoptIn(db, pipeline.id, name, hash)) changed.push(pipeline.id);
  }
  return changed;
}

/** Saves one pipeline reading `hash`; when a tab wrote in between, reads its spec again and retries. */
async function adoptIn(db: PipelabDb, id: string, name: string, hash: string): Promise<boolean> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const row = await db.pipelines.get(id);
    const spec = row && withDataHash(row.spec, name, hash);
    if (!row || !spec) return false;
    const result = await savePipelineSpec(db, id, spec, row.rev, DATA_UPDATE_WRITER);
    if (!result.conflict) {
      await guardedWrite(() => db.pipelines.update(id, { staleData: name }));
      return true;
    }
  }
  throw new Error('The pipeline keeps changing in another tab; its data was not updated. Try again.');
}

/** The spec with its import steps of this file name reading `hash`, or null when nothing changes. */
export function withDataHash(spec: PipelineSpec, name: string, hash: string): PipelineSpec | null {
  const ids = new Set(importStepsOf(spec, name).filter((s) => s.params.hash !== hash).map((s) => s.id));
  if (ids.size === 0) return null;
  return { ...spec, steps: spec.steps.map((s) => (ids.has(s.id) ? { ...s, params: { ...s.params, hash } } : s)) };
}

function importStepsOf(spec: PipelineSpec, name: string) {
  return spec.steps.filter((s) => s.enabled && s.kind === 'data.import' && s.params.name === name);
}
