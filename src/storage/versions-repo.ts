import Dexie, { type Collection } from 'dexie';
import type { PipelineSpec } from '../core/spec';
import { versionHash } from '../engine/fingerprint';
import type { PipelabDb } from './db';
import { guardedWrite } from './quota';
import type { StoredVersion, VersionReason } from './records';
import { pipelineLabel } from './stored-spec';

/**
 * Records a content-addressed version of a pipeline's spec (once per distinct
 * spec) with the current head as its parent, and makes it the head (unless
 * `moveHead` is false: a pinned sweep result is kept beside the head). Returns its hash.
 */
export async function recordVersion(db: PipelabDb, pipelineId: string, spec: PipelineSpec, reason: VersionReason, label = '', moveHead = true): Promise<string> {
  const hash = await versionHash(spec);
  await guardedWrite(() =>
    // The pipeline row is only read (it must exist): the head lives in its own small row,
    // so a version costs the version row plus that row, not a rewrite of the pipeline's spec.
    db.transaction('rw', [db.pipelines, db.versions, db.heads], async () => {
      if (!(await db.pipelines.get(pipelineId))) throw new Error(`No pipeline ${pipelineId}`);
      const head = (await db.heads.get(pipelineId))?.hash ?? null;
      const existing = await db.versions.get([pipelineId, hash]);
      if (!existing) {
        await db.versions.add({ pipelineId, hash, spec, parent: head === hash ? null : head, label, reason, createdAt: Date.now() });
      } else if (label) {
        await db.versions.update([pipelineId, hash], { label });
      }
      if (moveHead && head !== hash) await db.heads.put({ pipelineId, hash });
    }),
  );
  return hash;
}

/** The hash of the version a pipeline's head descends from, or null when it has none yet. */
export async function getHead(db: PipelabDb, pipelineId: string): Promise<string | null> {
  return (await db.heads.get(pipelineId))?.hash ?? null;
}

/**
 * A pipeline's versions, ordered by hash: a range of the [pipelineId+hash] primary key
 * (schema v4 dropped the separate pipelineId index, which cost an entry per version).
 */
export function versionsOf(db: PipelabDb, pipelineId: string): Collection<StoredVersion, [string, string]> {
  return db.versions.where('[pipelineId+hash]').between([pipelineId, Dexie.minKey], [pipelineId, Dexie.maxKey], true, true);
}

/** Every version of a pipeline, newest first, specs restored (one that fails restore throws, naming it). */
export async function listVersions(db: PipelabDb, pipelineId: string): Promise<StoredVersion[]> {
  const all = await versionsOf(db, pipelineId).toArray();
  const name = (await db.pipelines.get(pipelineId))?.name;
  return all.sort((a, b) => b.createdAt - a.createdAt).map((v) => restoredVersion(db, v, name));
}

/** One version (its spec restored), or undefined. */
export async function getVersion(db: PipelabDb, pipelineId: string, hash: string): Promise<StoredVersion | undefined> {
  const version = await db.versions.get([pipelineId, hash]);
  return version && restoredVersion(db, version, (await db.pipelines.get(pipelineId))?.name);
}

/** A version with its spec through restore; an error names the version and its pipeline. */
function restoredVersion(db: PipelabDb, version: StoredVersion, pipelineName: unknown): StoredVersion {
  return { ...version, spec: db.readSpec(version.spec, `version ${version.hash.slice(0, 12)} of ${pipelineLabel(pipelineName)}`) };
}

/** Sets a version's label. */
export function labelVersion(db: PipelabDb, pipelineId: string, hash: string, label: string): Promise<unknown> {
  return guardedWrite(() => db.versions.update([pipelineId, hash], { label }));
}

/**
 * Makes an earlier version the head again (nothing is deleted): its steps and seed come
 * back, the pipeline keeps its current name (a rename is not undone by a restore).
 * Returns the spec now in the pipeline.
 */
export async function restoreVersion(db: PipelabDb, pipelineId: string, hash: string, writer: string): Promise<PipelineSpec> {
  return guardedWrite(() =>
    db.transaction('rw', [db.pipelines, db.versions, db.heads], async () => {
      const version = await db.versions.get([pipelineId, hash]);
      const pipeline = await db.pipelines.get(pipelineId);
      if (!version || !pipeline) throw new Error(`No version ${hash.slice(0, 12)} of this pipeline`);
      const spec = { ...restoredVersion(db, version, pipeline.name).spec, name: pipeline.name };
      await db.pipelines.update(pipelineId, { spec, rev: pipeline.rev + 1, writer, updatedAt: Date.now() });
      await db.heads.put({ pipelineId, hash });
      return spec;
    }),
  );
}
