// Bundle files (issue 6): a pipeline with its whole history goes to a file and back into another
// workspace unchanged; importing twice adds nothing; a bad bundle is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleText, collectBundle, importBundle, parseBundle } from '../../src/share/bundle';
import { ShareError } from '../../src/share/share-error';
import type { PipelabDb } from '../../src/storage/db';
import { dexieModelHandler } from '../../src/storage/model-io';
import { freshDb } from '../storage/helpers';
import { counts, snapshot, sourceDb, typedDigests, type SourceDb } from './bundle-fixture';

let source: SourceDb;
let text: string;
const open: PipelabDb[] = [];

/** A fresh, empty target database (closed after the file). */
function target(): PipelabDb {
  const { db } = freshDb('bundle-target');
  open.push(db);
  return db;
}

const byKey = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

beforeAll(async () => {
  source = await sourceDb();
  open.push(source.db);
  text = bundleText(await collectBundle(source.db, source.pipelineId));
});
afterAll(() => open.splice(0).forEach((db) => db.close()));

describe('a bundle round-trips into a second workspace', () => {
  it('collects only this pipeline, with its versions, runs, data sets and model', async () => {
    const bundle = await collectBundle(source.db, source.pipelineId);
    expect(bundle.pipeline.id).toBe(source.pipelineId);
    expect(bundle.versions).toHaveLength(2);
    expect(bundle.runs.map((r) => r.id).sort()).toEqual([...source.runIds].sort());
    expect(bundle.datasets.length).toBe(2); // each seed generated its own circle data set
    expect(bundle.models.map((m) => m.runId)).toEqual([source.runIds[0]]);
    expect(text).not.toContain(source.otherPipelineId);
  });

  it('imports into an empty database with the same ids, hashes, versions, data, model bytes and typed arrays', async () => {
    const db = target();
    const summary = await importBundle(db, parseBundle(text));
    expect(summary).toMatchObject({ pipelineId: source.pipelineId, newPipeline: true, versions: 2, runs: 2, datasets: 2, models: 1 });
    const [a, b] = [await snapshot(source.db), await snapshot(db)];
    const pipelineA = a.pipelines.find((p) => (p as { id: string }).id === source.pipelineId);
    expect({ ...(b.pipelines[0] as object), updatedAt: 0 }).toEqual({ ...(pipelineA as object), updatedAt: 0 });
    expect(b.pipelines).toHaveLength(1);
    const versionsA = a.versions.filter((v) => (v as { pipelineId: string }).pipelineId === source.pipelineId);
    expect(byKey(b.versions as { hash: string }[], (v) => v.hash)).toEqual(byKey(versionsA as { hash: string }[], (v) => v.hash));
    const runsB = byKey(b.runs as { id: string; view: { record: { resultHash: string } } }[], (r) => r.id);
    expect(runsB.map((r) => r.id)).toEqual([...source.runIds].sort());
    expect(runsB.map((r) => r.view.record.resultHash).sort()).toEqual([...source.resultHashes].sort());
    expect(b.runs).toEqual(byKey(a.runs as { id: string }[], (r) => r.id));
    expect(b.datasets).toEqual(a.datasets);
    expect(b.models).toEqual(a.models);
  });

  it('keeps typed arrays typed and bit-identical (Float32Array digests, boundary grids, model weights)', async () => {
    const db = target();
    await importBundle(db, parseBundle(text));
    for (const runId of source.runIds) {
      const digestsA = await typedDigests(await source.db.runs.get(runId));
      const digestsB = await typedDigests(await db.runs.get(runId));
      expect(digestsA.some((d) => / Float32Array /.test(d))).toBe(true);
      expect(digestsA.some((d) => / Int32Array /.test(d))).toBe(true);
      expect(digestsB).toEqual(digestsA);
    }
    const [modelA, modelB] = [await dexieModelHandler(source.db, source.runIds[0]).load(), await dexieModelHandler(db, source.runIds[0]).load()];
    expect(modelB.weightData).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(modelB.weightData as ArrayBuffer)).toEqual(new Uint8Array(modelA.weightData as ArrayBuffer));
    expect((modelB.weightData as ArrayBuffer).byteLength).toBeGreaterThan(0);
    expect(modelB.modelTopology).toEqual(modelA.modelTopology);
    expect(modelB.weightSpecs).toEqual(modelA.weightSpecs);
  });

  it('carries imported TSV data sets too (csv, tsv and json are all accepted)', async () => {
    const d = JSON.parse(text);
    const tsv = { hash: 'c'.repeat(64), name: 'table.tsv', format: 'tsv', text: 'a\tb\n1\tx\n', createdAt: 1, origin: 'import' };
    const parsed = parseBundle(JSON.stringify({ ...d, datasets: [...d.datasets, tsv] }));
    expect(parsed.datasets.map((x) => x.format)).toContain('tsv');
  });

  it('importing the same bundle twice adds nothing the second time', async () => {
    const db = target();
    await importBundle(db, parseBundle(text));
    const before = await snapshot(db);
    const again = await importBundle(db, parseBundle(text));
    expect(again).toMatchObject({ newPipeline: false, versions: 0, runs: 0, datasets: 0, models: 0 });
    expect(await counts(db)).toEqual(Object.fromEntries(Object.entries(before).map(([k, rows]) => [k, rows.length])));
  });

  it('importing into the database it came from adds nothing', async () => {
    const before = await counts(source.db);
    const summary = await importBundle(source.db, parseBundle(text));
    expect(summary).toMatchObject({ newPipeline: false, versions: 0, runs: 0, datasets: 0, models: 0 });
    expect(await counts(source.db)).toEqual(before);
  });
});

/** The bundle as a JSON document to edit. */
const docOf = () => JSON.parse(text) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Opens a (bad) bundle into `db` the way the app does (parse, then import) and returns the error. */
async function refuse(db: PipelabDb, bundle: string): Promise<Error> {
  const before = await snapshot(db);
  let error: unknown = null;
  try {
    await importBundle(db, parseBundle(bundle));
  } catch (err) {
    error = err;
  }
  expect(await snapshot(db), 'the target database is unchanged').toEqual(before);
  expect(error, 'the bundle should be refused').toBeInstanceOf(ShareError);
  return error as Error;
}

describe('bad bundles are refused with a clear message and change nothing saved', () => {
  let db: PipelabDb;
  beforeAll(async () => {
    db = target();
    await importBundle(db, parseBundle(text)); // the target already holds work of its own
  });

  it('an unknown step kind, in the head, a version or a run record, names where', async () => {
    const edits: [string, (d: Record<string, any>) => void, RegExp][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
      ['pipeline', (d) => (d.pipeline.spec.steps[0].kind = 'data.evil'), /pipeline is not a valid pipeline: steps\[0\]\.kind.*data\.evil/],
      ['version', (d) => (d.versions[1].spec.steps[2].kind = 'model.evil'), /version 2 is not a valid pipeline: steps\[2\]\.kind/],
      ['run', (d) => (d.runs[0].view.record.spec.steps[0].kind = 'data.evil'), /run 1 is not a valid pipeline: steps\[0\]\.kind/],
    ];
    for (const [where, edit, message] of edits) {
      const d = docOf();
      edit(d);
      expect((await refuse(db, JSON.stringify(d))).message, where).toMatch(message);
    }
  });

  it('a newer bundle version says to update the app', async () => {
    expect((await refuse(db, JSON.stringify({ ...docOf(), version: 2 }))).message).toMatch(/newer pipelab/);
  });

  it('a wrong format, a missing version, damaged JSON or missing parts are refused', async () => {
    const d = docOf();
    await refuse(db, JSON.stringify({ ...d, format: 'pipelab/pipeline' }));
    await refuse(db, JSON.stringify({ ...d, version: undefined }));
    await refuse(db, JSON.stringify({ ...d, version: 0 }));
    await refuse(db, text.slice(0, text.length / 2));
    await refuse(db, JSON.stringify({ ...d, runs: undefined }));
    await refuse(db, JSON.stringify({ ...d, pipeline: { ...d.pipeline, id: 7 } }));
    await refuse(db, '');
    await refuse(db, 'null');
    await refuse(db, `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
  });

  it('damaged run records and typed-array markers are refused', async () => {
    const runs = docOf();
    runs.runs[1].view = null;
    expect((await refuse(db, JSON.stringify(runs))).message).toMatch(/run 2 is damaged/);
    const typed = docOf();
    typed.runs[0].view.boundary.cellConfidence = { $typed: 'BigInt64Array', b64: 'AAAAAAAAAAA' };
    expect((await refuse(db, JSON.stringify(typed))).message).toMatch(/unknown kind of array/);
    const odd = docOf();
    odd.runs[0].view.boundary.cellConfidence = { $typed: 'Float32Array', b64: 'AAA' };
    expect((await refuse(db, JSON.stringify(odd))).message).toMatch(/damaged Float32Array/);
  });

  // Each entry below is plain data the bundle's author controls; none may reach the database as is.
  it.each<[string, (d: Record<string, any>) => void]>([ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a version that is null', (d) => d.versions.push(null)],
    ['a version without a hash', (d) => delete d.versions[0].hash],
    ['a data set that is null', (d) => d.datasets.push(null)],
    ['a data set without a hash', (d) => delete d.datasets[0].hash],
    ['a model that is null', (d) => d.models.push(null)],
    ['a model without a run id', (d) => delete d.models[0].runId],
  ])('%s is refused with a ShareError', async (_what, edit) => {
    const d = docOf();
    edit(d);
    const other = target();
    await refuse(other, JSON.stringify(d));
    await refuse(db, JSON.stringify(d));
  });

  it('the refused attempts left the target exactly as one import made it', async () => {
    const reference = target();
    await importBundle(reference, parseBundle(text));
    const [a, b] = [await snapshot(db), await snapshot(reference)];
    const noTime = (rows: unknown[]) => rows.map((r) => ({ ...(r as object), updatedAt: 0 }));
    expect(noTime(a.pipelines)).toEqual(noTime(b.pipelines));
    expect({ ...a, pipelines: [] }).toEqual({ ...b, pipelines: [] });
  });
});
