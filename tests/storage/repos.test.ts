import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PipelineSpec } from '../../src/core/spec';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, PipelabDb } from '../../src/storage/db';
import { putDataset } from '../../src/storage/datasets-repo';
import { createPipeline, deletePipeline, duplicatePipeline, listPipelines, purgeDeleted, restoreDeleted, savePipelineSpec } from '../../src/storage/pipelines-repo';
import { StorageFullError } from '../../src/storage/quota';
import { deleteRuns, listRuns, saveRun } from '../../src/storage/runs-repo';
import { getHead, getVersion, labelVersion, listVersions, recordVersion, restoreVersion } from '../../src/storage/versions-repo';
import { loadExample, run } from '../helpers';
import { bareView, freshDb } from './helpers';

const open: PipelabDb[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));
function db(): PipelabDb {
  const d = freshDb().db;
  open.push(d);
  return d;
}

const iris = (): PipelineSpec => loadExample('iris-logreg');
const withRate = (rate: number): PipelineSpec => {
  const s = iris();
  s.steps[3].params.learningRate = rate;
  return s;
};

describe('pipelines', () => {
  it('are created, saved with a rising revision, listed newest first', async () => {
    const d = db();
    const a = await createPipeline(d, iris(), 'tab-a', 1000);
    const b = await createPipeline(d, loadExample('spiral-mlp'), 'tab-a', 2000);
    expect((await listPipelines(d)).map((p) => p.id)).toEqual([b.id, a.id]);
    const renamed = { ...iris(), name: 'Renamed' };
    const saved = await savePipelineSpec(d, a.id, renamed, a.rev, 'tab-a');
    expect(saved).toEqual({ rev: 2, conflict: null });
    const row = await d.pipelines.get(a.id);
    expect(row?.name).toBe('Renamed');
    expect((await listPipelines(d))[0].id).toBe(a.id);
  });

  it('never lose a write from two tabs: the newer spec stays the head, the late edit is kept as a version', async () => {
    const d = db();
    const p = await createPipeline(d, iris(), 'tab-a');
    await savePipelineSpec(d, p.id, withRate(0.2), 1, 'tab-b');
    const result = await savePipelineSpec(d, p.id, withRate(0.3), 1, 'tab-a');
    expect(result.conflict?.spec.steps[3].params.learningRate).toBe(0.2);
    expect((await d.pipelines.get(p.id))?.spec.steps[3].params.learningRate).toBe(0.2);
    const kept = (await listVersions(d, p.id)).filter((v) => v.reason === 'concurrent-edit');
    expect(kept.map((v) => v.spec.steps[3].params.learningRate).sort()).toEqual([0.2, 0.3]);
  });

  it('a version kept from another tab descends from the head', async () => {
    const d = db();
    const p = await createPipeline(d, iris(), 'tab-a');
    const head = await recordVersion(d, p.id, withRate(0.1), 'run');
    await savePipelineSpec(d, p.id, withRate(0.2), 1, 'tab-b');
    await savePipelineSpec(d, p.id, withRate(0.3), 1, 'tab-a');
    const kept = (await listVersions(d, p.id)).filter((v) => v.reason === 'concurrent-edit');
    expect(kept.map((v) => v.parent)).toEqual([head, head]);
  });

  it('duplicate copies the head and its history under a new name', async () => {
    const d = db();
    const p = await createPipeline(d, iris(), 'tab');
    await recordVersion(d, p.id, iris(), 'save', 'first');
    const h = await recordVersion(d, p.id, withRate(0.2), 'run');
    const copy = await duplicatePipeline(d, p.id, 'tab');
    expect(copy.name).toBe('Iris: logistic regression (copy)');
    expect((await listVersions(d, copy.id)).map((v) => v.label).sort()).toEqual(['', 'first']);
    expect(await getHead(d, copy.id)).toBe(h);
    await recordVersion(d, copy.id, withRate(0.3), 'run');
    expect(await getHead(d, p.id)).toBe(h);
  });

  it('delete hides a pipeline, undo brings it back (head kept), purge removes it with its runs and head', async () => {
    const d = db();
    const p = await createPipeline(d, iris(), 'tab');
    const head = await recordVersion(d, p.id, iris(), 'run');
    const { record, outputs } = await run(iris());
    void outputs;
    await saveRun(d, p.id, bareView(record));
    await deletePipeline(d, p.id, 5000);
    expect(await listPipelines(d)).toEqual([]);
    await restoreDeleted(d, p.id);
    expect((await listPipelines(d)).map((x) => x.id)).toEqual([p.id]);
    expect(await getHead(d, p.id)).toBe(head);
    await deletePipeline(d, p.id, 5000);
    await d.sweeps.add({ id: 's1', pipelineId: p.id, baseSpec: iris(), axes: [], seeds: 1, metric: 'accuracy', backend: 'cpu', status: 'done', points: [], createdAt: 1, updatedAt: 1 });
    expect(await purgeDeleted(d, 6000)).toBe(1);
    expect(await d.runs.count()).toBe(0);
    expect(await d.sweeps.count()).toBe(0);
    expect(await d.pipelines.count()).toBe(0);
    expect(await d.heads.count()).toBe(0);
    expect(await d.versions.count()).toBe(0);
  });
});

describe('versions', () => {
  it('are content-addressed, linked to their parent, and restoring one deletes nothing', async () => {
    const d = db();
    const p = await createPipeline(d, iris(), 'tab');
    const h1 = await recordVersion(d, p.id, withRate(0.1), 'run');
    const h2 = await recordVersion(d, p.id, withRate(0.2), 'run');
    expect(await recordVersion(d, p.id, withRate(0.2), 'run')).toBe(h2);
    expect(await d.versions.count()).toBe(2);
    expect((await getVersion(d, p.id, h2))?.parent).toBe(h1);
    await labelVersion(d, p.id, h1, 'baseline');
    const spec = await restoreVersion(d, p.id, h1, 'tab');
    expect(spec.steps[3].params.learningRate).toBe(0.1);
    const row = await d.pipelines.get(p.id);
    expect(await getHead(d, p.id)).toBe(h1);
    expect(row?.spec.steps[3].params.learningRate).toBe(0.1);
    expect((await listVersions(d, p.id)).map((v) => v.label).sort()).toEqual(['', 'baseline']);
    const h3 = await recordVersion(d, p.id, withRate(0.5), 'run');
    expect((await getVersion(d, p.id, h3))?.parent).toBe(h1);
  });
});

describe('runs', () => {
  it('are stored with their record and summary, newest first, and deleted with their models', async () => {
    const d = db();
    const p = await createPipeline(d, iris(), 'tab');
    const first = await run(iris());
    const second = await run(withRate(0.05));
    const r1 = await saveRun(d, p.id, bareView(first.record), 1000);
    const r2 = await saveRun(d, p.id, bareView(second.record), 2000);
    const runs = await listRuns(d, p.id);
    expect(runs.map((r) => r.id)).toEqual([r2.id, r1.id]);
    expect(runs[1].summary).toMatchObject({ status: 'done', backend: 'cpu', seed: 42, resultHash: first.record.resultHash });
    expect(runs[1].view.record.steps.map((s) => s.outputHash)).toEqual(first.record.steps.map((s) => s.outputHash));
    expect((await d.pipelines.get(p.id))?.lastRunId).toBe(r2.id);
    await d.models.put({ runId: r1.id, modelTopology: {}, weightSpecs: [], weightData: new ArrayBuffer(4), createdAt: 0 });
    await deleteRuns(d, [r1.id]);
    expect(await d.models.count()).toBe(0);
    expect((await listRuns(d, p.id)).map((r) => r.id)).toEqual([r2.id]);
  });
});

describe('data sets', () => {
  it('generated by runs are stored once by content hash and referenced from each run', async () => {
    const d = db();
    const p = await createPipeline(d, loadExample('spiral-mlp'), 'tab');
    const csv = 'x,y,label\n0.1,0.2,blue\n';
    const view = (record: unknown) => ({ record, evaluation: null, regression: null, boundary: null, stepViews: {}, generatedData: [{ stepId: 'data', csv }] }) as never;
    const { record } = await run(iris());
    const a = await saveRun(d, p.id, view(record));
    const b = await saveRun(d, p.id, view(record));
    expect(a.datasetHashes?.data).toMatch(/^[0-9a-f]{64}$/);
    expect(b.datasetHashes?.data).toBe(a.datasetHashes?.data);
    expect(await d.datasets.count()).toBe(1);
    expect((await d.datasets.get(a.datasetHashes!.data))?.text).toBe(csv);
    expect((await d.runs.get(a.id))?.view.generatedData).toEqual([]);
  });

  it('are stored once by content hash', async () => {
    const d = db();
    const h1 = await putDataset(d, 'a.csv', 'csv', 'x,y\n1,2\n');
    const h2 = await putDataset(d, 'b.csv', 'csv', 'x,y\n1,2\n');
    expect(h2).toBe(h1);
    expect(await d.datasets.count()).toBe(1);
  });
});

describe('a full disk', () => {
  it('says so clearly and keeps everything saved before', async () => {
    const d = db();
    const p = await createPipeline(d, iris(), 'tab');
    const { record } = await run(iris());
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(d.runs, 'add').mockRejectedValue(quota);
    const attempt = saveRun(d, p.id, bareView(record));
    await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
    await expect(attempt).rejects.toThrow(/Storage is full.*Everything saved before is intact/);
    spy.mockRestore();
    const row = await d.pipelines.get(p.id);
    expect(row?.spec).toEqual(iris());
    expect(row?.lastRunId).toBeNull();
    expect(await d.runs.count()).toBe(0);
  });
});

describe('schema upgrade', () => {
  it('opens a version-1 database under version 2 with nothing lost', async () => {
    const { factory } = freshDb();
    const old = new Dexie('upgrade-test', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores(SCHEMA_V1);
    const { record } = await run(iris());
    await old.table('pipelines').add({ id: 'p1', name: 'old', spec: iris(), headVersion: null, rev: 3, writer: 'x', selectedStepId: 'model', lastRunId: 'r1', createdAt: 1, updatedAt: 1, deletedAt: null });
    await old.table('runs').add({ id: 'r1', pipelineId: 'p1', versionHash: record.versionHash, createdAt: 1, view: bareView(record) });
    old.close();

    const upgraded = new PipelabDb('upgrade-test', { indexedDB: factory, IDBKeyRange });
    open.push(upgraded);
    expect((await upgraded.pipelines.get('p1'))?.selectedStepId).toBe('model');
    const r = await upgraded.runs.get('r1');
    expect(r?.view.record.resultHash).toBe(record.resultHash);
    expect(r?.summary).toMatchObject({ status: 'done', seed: 42, resultHash: record.resultHash });
    expect(await upgraded.runs.where('versionHash').equals(record.versionHash).count()).toBe(1);
    expect(await upgraded.models.count()).toBe(0);
    expect(upgraded.verno).toBe(5);
  });

  it('opens a version-2 database under version 3: data sets found by name, an empty sweeps table, nothing lost', async () => {
    const { factory } = freshDb();
    const old = new Dexie('upgrade-v2', { indexedDB: factory, IDBKeyRange });
    old.version(2).stores(SCHEMA_V2);
    const { record } = await run(iris());
    await old.table('pipelines').add({ id: 'p1', name: 'old', spec: iris(), headVersion: null, rev: 1, writer: 'x', selectedStepId: null, lastRunId: 'r1', createdAt: 1, updatedAt: 1, deletedAt: null });
    await old.table('runs').add({ id: 'r1', pipelineId: 'p1', versionHash: record.versionHash, createdAt: 1, summary: { status: 'done' }, view: bareView(record) });
    await old.table('datasets').bulkAdd([
      { hash: 'h1', name: 'plants.csv', format: 'csv', text: 'a,b\n1,2\n', createdAt: 1 },
      { hash: 'h2', name: 'cars.csv', format: 'csv', text: 'c,d\n3,4\n', createdAt: 2 },
    ]);
    old.close();

    const upgraded = new PipelabDb('upgrade-v2', { indexedDB: factory, IDBKeyRange });
    open.push(upgraded);
    expect((await upgraded.datasets.where('name').equals('plants.csv').toArray()).map((d) => d.hash)).toEqual(['h1']);
    expect((await upgraded.runs.get('r1'))?.view.record.resultHash).toBe(record.resultHash);
    expect((await upgraded.pipelines.get('p1'))?.lastRunId).toBe('r1');
    expect(await upgraded.sweeps.count()).toBe(0);
    expect(await upgraded.sweeps.where('status').equals('running').count()).toBe(0);
    expect(upgraded.verno).toBe(5);
  });

  it('opens a version-3 database under version 4: each head moves to the heads table, the history carries on from it', async () => {
    const { factory } = freshDb();
    const old = new Dexie('upgrade-v3', { indexedDB: factory, IDBKeyRange });
    old.version(3).stores(SCHEMA_V3);
    const { record } = await run(withRate(0.2));
    const row = (id: string, headVersion: string | null, spec: PipelineSpec, deletedAt: number | null = null) =>
      ({ id, name: spec.name, spec, headVersion, rev: 4, writer: 'x', selectedStepId: 'model', lastRunId: null, createdAt: 1, updatedAt: 2, deletedAt });
    const version = (pipelineId: string, spec: PipelineSpec, hash: string, parent: string | null) =>
      ({ pipelineId, hash, spec, parent, label: parent ? '' : 'baseline', reason: 'run', createdAt: parent ? 2 : 1 });
    const [h1, h2] = [record.versionHash.replace(/^./, 'a'), record.versionHash];
    await old.table('pipelines').bulkAdd([row('p1', h2, withRate(0.2)), row('p2', null, iris()), row('p3', h1, iris(), 9)]);
    await old.table('versions').bulkAdd([version('p1', withRate(0.1), h1, null), version('p1', withRate(0.2), h2, h1), version('p3', iris(), h1, null)]);
    await old.table('runs').add({ id: 'r1', pipelineId: 'p1', versionHash: h2, createdAt: 2, summary: { status: 'done' }, view: bareView(record) });
    old.close();

    const upgraded = new PipelabDb('upgrade-v3', { indexedDB: factory, IDBKeyRange });
    open.push(upgraded);
    expect(await upgraded.heads.toArray()).toEqual([{ pipelineId: 'p1', hash: h2 }, { pipelineId: 'p3', hash: h1 }]);
    const rows = await upgraded.pipelines.toArray();
    expect(rows.map((r) => 'headVersion' in r)).toEqual([false, false, false]);
    const { headVersion, ...rest } = row('p1', h2, withRate(0.2));
    expect(headVersion).toBe(h2);
    expect(rows[0]).toStrictEqual(rest);
    expect(rows[2].deletedAt).toBe(9);
    expect([...upgraded.backendDB().transaction('versions').objectStore('versions').indexNames]).toEqual([]);
    expect(await getHead(upgraded, 'p2')).toBeNull();
    expect((await listVersions(upgraded, 'p1')).map((v) => [v.hash, v.parent, v.label])).toEqual([[h2, h1, ''], [h1, null, 'baseline']]);
    expect((await upgraded.runs.get('r1'))?.view.record.resultHash).toBe(record.resultHash);

    const h3 = await recordVersion(upgraded, 'p1', withRate(0.5), 'run');
    expect((await getVersion(upgraded, 'p1', h3))?.parent).toBe(h2);
    expect(await getHead(upgraded, 'p1')).toBe(h3);
    expect((await restoreVersion(upgraded, 'p1', h1, 'tab')).steps[3].params.learningRate).toBe(0.1);
    expect(await getHead(upgraded, 'p1')).toBe(h1);
    expect(upgraded.verno).toBe(5);
  });
});
