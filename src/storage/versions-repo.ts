import type { PipelineSpec } from '../core/spec';
import { versionHash } from '../engine/fingerprint';
import type { PipelabDb } from './db';
import { guardedWrite } from './quota';
import type { StoredVersion, VersionReason } from './records';

/**
 * Records a content-addressed version of a pipeline's spec (once per distinct
 * spec) with the current head as its parent, and makes it the head (unless
 * `moveHead` is false: a pinned sweep result is kept beside the head). Returns its hash.
 */
export async function recordVersion(db: PipelabDb, pipelineId: string, spec: PipelineSpec, reason: VersionReason, label = '', moveHead = true): Promise<string> {
  const hash = await versionHash(spec);
  await guardedWrite(() =>
    db.transaction('rw', db.pipelines, db.versions, async () => {
      const pipeline = await db.pipelines.get(pipelineId);
      if (!pipeline) throw new Error(`No pipeline ${pipelineId}`);
      const existing = await db.versions.get([pipelineId, hash]);
      if (!existing) {
        await db.versions.add({ pipelineId, hash, spec, parent: pipeline.headVersion === hash ? null : pipeline.headVersion, label, reason, createdAt: Date.now() });
      } else if (label) {
        await db.versions.update([pipelineId, hash], { label });
      }
      if (moveHead) await db.pipelines.update(pipelineId, { headVersion: hash });
    }),
  );
  return hash;
}

/** Every version of a pipeline, newest first. */
export async function listVersions(db: PipelabDb, pipelineId: string): Promise<StoredVersion[]> {
  const all = await db.versions.where('pipelineId').equals(pipelineId).toArray();
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

/** One version, or undefined. */
export function getVersion(db: PipelabDb, pipelineId: string, hash: string): Promise<StoredVersion | undefined> {
  return db.versions.get([pipelineId, hash]);
}

/** Sets a version's label. */
export function labelVersion(db: PipelabDb, pipelineId: string, hash: string, label: string): Promise<unknown> {
  return guardedWrite(() => db.versions.update([pipelineId, hash], { label }));
}

/** Makes an earlier version the head again (nothing is deleted). Returns its spec. */
export async function restoreVersion(db: PipelabDb, pipelineId: string, hash: string, writer: string): Promise<PipelineSpec> {
  return guardedWrite(() =>
    db.transaction('rw', db.pipelines, db.versions, async () => {
      const version = await db.versions.get([pipelineId, hash]);
      const pipeline = await db.pipelines.get(pipelineId);
      if (!version || !pipeline) throw new Error(`No version ${hash.slice(0, 12)} of this pipeline`);
      await db.pipelines.update(pipelineId, {
        spec: version.spec, name: version.spec.name, headVersion: hash, rev: pipeline.rev + 1, writer, updatedAt: Date.now(),
      });
      return version.spec;
    }),
  );
}
