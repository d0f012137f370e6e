// Since schema v4 a pipeline's head version lives in its own table, but bundle files keep it where
// they always had it (pipeline.headVersion, right after the spec): old bundles import with their
// head, and a bundle exported again from the importing workspace is the same file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleText, collectBundle, importBundle, parseBundle } from '../../src/share/bundle';
import type { PipelabDb } from '../../src/storage/db';
import { getHead, listVersions, recordVersion } from '../../src/storage/versions-repo';
import { freshDb } from '../storage/helpers';
import { sourceDb, type SourceDb } from './bundle-fixture';

let source: SourceDb;
let text: string;
const open: PipelabDb[] = [];

function target(): PipelabDb {
  const { db } = freshDb('bundle-head-target');
  open.push(db);
  return db;
}

/** The file's JSON with what legitimately differs between two exports (the app version, the import time) blanked. */
const comparable = (t: string): string => {
  const doc = JSON.parse(t);
  return JSON.stringify({ ...doc, app: '', pipeline: { ...doc.pipeline, updatedAt: 0 } });
};

beforeAll(async () => {
  source = await sourceDb();
  open.push(source.db);
  text = bundleText(await collectBundle(source.db, source.pipelineId));
});
afterAll(() => open.splice(0).forEach((db) => db.close()));

describe('a bundle carries the head version as pipeline.headVersion', () => {
  it('exports the head from the heads table, right after the spec as before', async () => {
    const head = await getHead(source.db, source.pipelineId);
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    const { pipeline } = JSON.parse(text);
    expect(pipeline.headVersion).toBe(head);
    expect(Object.keys(pipeline).slice(0, 5)).toEqual(['id', 'name', 'spec', 'headVersion', 'rev']);
  });

  it('imports it into the heads table (not the pipeline row), and the next version descends from it', async () => {
    const db = target();
    await importBundle(db, parseBundle(text));
    const head = await getHead(source.db, source.pipelineId);
    expect(await getHead(db, source.pipelineId)).toBe(head);
    expect('headVersion' in (await db.pipelines.get(source.pipelineId))!).toBe(false);
    const spec = { ...(await db.pipelines.get(source.pipelineId))!.spec, seed: 99 };
    const next = await recordVersion(db, source.pipelineId, spec, 'run');
    expect((await listVersions(db, source.pipelineId)).find((v) => v.hash === next)?.parent).toBe(head);
  });

  it('exported again from the importing workspace, it is the same file', async () => {
    const db = target();
    await importBundle(db, parseBundle(text));
    expect(comparable(bundleText(await collectBundle(db, source.pipelineId)))).toBe(comparable(text));
  });

  it('a bundle whose pipeline has no head yet imports without a head row', async () => {
    const db = target();
    const doc = JSON.parse(text);
    await importBundle(db, parseBundle(JSON.stringify({ ...doc, pipeline: { ...doc.pipeline, headVersion: null } })));
    expect(await getHead(db, source.pipelineId)).toBeNull();
    expect(await db.heads.count()).toBe(0);
    expect(JSON.parse(bundleText(await collectBundle(db, source.pipelineId))).pipeline.headVersion).toBeNull();
  });
});
