// Every spec read back from IndexedDB passes the one restore (decode → migrate → fill defaults →
// validate), inside the storage read functions: a spec saved in an older format comes back migrated,
// and a damaged one is a clear error naming the pipeline and the field.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Migrations } from '../../src/core/migrate';
import type { PipelineSpec } from '../../src/core/spec';
import type { RunRecord } from '../../src/engine/run-record';
import { PipelabDb } from '../../src/storage/db';
import { createPipeline, duplicatePipeline, getPipeline, listPipelines } from '../../src/storage/pipelines-repo';
import { getRun, listRuns, saveRun } from '../../src/storage/runs-repo';
import { savePipelineSpec } from '../../src/storage/save-spec';
import { StoredSpecError } from '../../src/storage/stored-spec';
import { getVersion, listVersions, recordVersion, restoreVersion } from '../../src/storage/versions-repo';
import { loadExample, run } from '../helpers';
import { bareView } from './helpers';

/** A test-only format history: version 0 called the pipeline's name `title`. */
const TEST_MIGRATIONS: Migrations = {
  0: ({ title, ...rest }) => ({ ...rest, name: title }),
};

/** The iris pipeline as a version-0 document: `title`, and the split's params left to their defaults. */
const OLD_DOC = {
  format: 'pipelab/pipeline',
  version: 0,
  title: 'Iris from long ago',
  seed: 42,
  steps: [
    { id: 'data', kind: 'data.builtin', params: { name: 'iris' } },
    { id: 'split', kind: 'split.train-test' },
    { id: 'model', kind: 'model.logistic-regression', params: { epochs: 5 } },
    { id: 'evaluate', kind: 'evaluate.classification', params: {} },
  ],
};
const asStored = (doc: unknown) => doc as PipelineSpec; // written as an older app would have

const open: PipelabDb[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));
function database(migrations?: Migrations): PipelabDb {
  const db = new PipelabDb('pipelab-restore-test', { indexedDB: new IDBFactory(), IDBKeyRange }, migrations ? { migrations } : undefined);
  open.push(db);
  return db;
}

let irisRecord: RunRecord;
beforeAll(async () => {
  irisRecord = (await run(loadExample('iris-logreg'))).record;
});

function expectMigrated(spec: PipelineSpec | undefined): void {
  expect(spec).toBeDefined();
  expect(spec!.version).toBe(1);
  expect(spec!.name).toBe('Iris from long ago');
  expect('title' in spec!).toBe(false);
  expect(spec!.steps[1].params).toEqual({ testFraction: 0.25, stratify: true });
  expect(spec!.steps[2].params.epochs).toBe(5);
  expect(spec!.steps[2].params.learningRate).toBeTypeOf('number');
}

describe('specs read from IndexedDB pass restore', () => {
  it('a spec stored in an older format comes back migrated from every read: pipeline, list, versions, runs, copies', async () => {
    const db = database(TEST_MIGRATIONS);
    const row = await createPipeline(db, asStored(OLD_DOC), 'tab-a');
    await db.pipelines.update(row.id, { name: 'Iris from long ago' });
    const hash = await recordVersion(db, row.id, asStored(OLD_DOC), 'save', 'old');
    const stored = await saveRun(db, row.id, bareView({ ...irisRecord, spec: asStored(OLD_DOC) }));
    expect((await db.pipelines.get(row.id))?.spec).toMatchObject({ version: 0, title: 'Iris from long ago' }); // stored as it came

    expectMigrated((await getPipeline(db, row.id))?.spec);
    expectMigrated((await listPipelines(db))[0].spec);
    expect((await listPipelines(db))[0].problem).toBeNull();
    expectMigrated((await listVersions(db, row.id))[0].spec);
    expectMigrated((await getVersion(db, row.id, hash))?.spec);
    expectMigrated((await getRun(db, stored.id))?.view.record.spec);
    expectMigrated((await listRuns(db, row.id))[0].view.record.spec);
    expectMigrated(await restoreVersion(db, row.id, hash, 'tab-a'));
    const copy = await duplicatePipeline(db, row.id, 'tab-a');
    expect(copy.spec.name).toBe('Iris from long ago (copy)');
    expectMigrated((await listVersions(db, copy.id))[0].spec);
  });

  it('without that migration the same stored document is refused by name and field', async () => {
    const db = database();
    const row = await createPipeline(db, asStored(OLD_DOC), 'tab-a');
    await expect(getPipeline(db, row.id)).rejects.toThrow(/version: expected a format version from 1 to 1, got the number 0/);
  });

  it('a damaged stored spec is a StoredSpecError naming the pipeline and the field; nothing is changed', async () => {
    const db = database();
    const good = loadExample('iris-logreg');
    const row = await createPipeline(db, good, 'tab-a');
    const damaged = { ...good, steps: good.steps.map((s) => (s.id === 'split' ? { ...s, params: { ...s.params, testFraction: 7 } } : s)) };
    await db.pipelines.update(row.id, { spec: damaged });

    const error = await getPipeline(db, row.id).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(StoredSpecError);
    expect((error as Error).message).toContain('"Iris: logistic regression"');
    expect((error as Error).message).toContain('steps[1].params.testFraction');
    const listed = await listPipelines(db);
    expect(listed.map((p) => p.id)).toEqual([row.id]); // still listed, with the reason
    expect(listed[0].problem).toContain('steps[1].params.testFraction');
    expect((await db.pipelines.get(row.id))?.spec).toEqual(damaged);
  });

  it('a conflicting save hands back the other tab\'s spec restored', async () => {
    const db = database(TEST_MIGRATIONS);
    const row = await createPipeline(db, loadExample('iris-logreg'), 'tab-a');
    await db.pipelines.update(row.id, { spec: asStored(OLD_DOC), rev: 2, writer: 'tab-b' });
    const result = await savePipelineSpec(db, row.id, loadExample('iris-logreg'), 1, 'tab-a');
    expectMigrated(result.conflict?.spec);
  });
});
