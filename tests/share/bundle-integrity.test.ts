// Verified content addressing in bundles (issue 16, defect 3): a bundle whose data set carries the
// SHA-256 of a real file with other text is refused and stores nothing, so the real file imported
// later is stored intact; stored rows are never replaced; row fields are type-checked by path.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/hash';
import { bundleText, collectBundle, importBundle, parseBundle } from '../../src/share/bundle';
import { ShareError } from '../../src/share/share-error';
import { getDataset, putDataset } from '../../src/storage/datasets-repo';
import { createPipeline } from '../../src/storage/pipelines-repo';
import { recordVersion } from '../../src/storage/versions-repo';
import { loadExample } from '../helpers';
import { databasesPerTest } from '../storage/helpers';
import { changedRows, dumpDb } from './db-dump';

const newDb = databasesPerTest();
const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');
const REAL = `a,b,label\n${rows(80, (i) => `${i},${(i * 7) % 13},${i % 2 ? 'yes' : 'no'}`)}\n`;
const FORGED = `a,b,label\n${rows(12, (i) => `${i},0,no`)}\n`;

/** A bundle document of the iris pipeline (one version, no runs), as a file would hold it. */
async function bundleDoc(): Promise<Record<string, unknown>> {
  const source = newDb();
  const p = await createPipeline(source, loadExample('iris-logreg'), 'tab-a', 1_000);
  await recordVersion(source, p.id, p.spec, 'save');
  return JSON.parse(bundleText(await collectBundle(source, p.id))) as Record<string, unknown>;
}

describe('bundle data is verified against its hash', () => {
  it('refuses a data set whose text is not the content its hash names, and the real file then imports intact', async () => {
    const db = newDb();
    const doc = await bundleDoc();
    doc.datasets = [{ hash: await sha256Hex(REAL), name: 'real.csv', format: 'csv', text: FORGED, createdAt: 5, origin: 'import' }];
    const before = await dumpDb(db);
    const err = await importBundle(db, parseBundle(JSON.stringify(doc))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShareError);
    expect((err as Error).message).toMatch(/data set 1 \("real.csv"\) does not match its content hash/);
    expect(changedRows(before, await dumpDb(db), isDeepStrictEqual)).toEqual([]);
    expect(await db.pipelines.count()).toBe(0);
    const hash = await putDataset(db, 'real.csv', 'csv', REAL);
    expect((await getDataset(db, hash))?.text).toBe(REAL);
  });

  it('never replaces a stored row: a bundle carrying the same pipeline id and data hash leaves them as they were', async () => {
    const db = newDb();
    const doc = await bundleDoc();
    const hash = await putDataset(db, 'real.csv', 'csv', REAL);
    doc.datasets = [{ hash, name: 'renamed.csv', format: 'csv', text: REAL, createdAt: 5 }];
    await importBundle(db, parseBundle(JSON.stringify(doc)));
    const before = await dumpDb(db);
    const again = structuredClone(doc) as { pipeline: Record<string, unknown> };
    again.pipeline.name = 'Another name';
    const summary = await importBundle(db, parseBundle(JSON.stringify(again)));
    expect(summary).toMatchObject({ newPipeline: false, datasets: 0, versions: 0 });
    expect(changedRows(before, await dumpDb(db), isDeepStrictEqual)).toEqual([]);
    expect((await getDataset(db, hash))?.name).toBe('real.csv');
  });
});

describe('bundle rows are type-checked field by field', () => {
  it.each([
    ['pipeline', 'name', { x: 1 }, /pipeline\.name should be a text, but it is an object/],
    ['pipeline', 'createdAt', 'yesterday', /pipeline\.createdAt should be a number \(or absent\), but it is the string "yesterday"/],
    ['pipeline', 'headVersion', 'abc', /pipeline\.headVersion should be a SHA-256 hash or null/],
    ['versions', 'label', ['a'], /versions\[0\]\.label should be a text \(or absent\), but it is an array of 1/],
  ])('refuses %s.%s = %j naming the field', async (list, field, value, message) => {
    const db = newDb();
    const doc = (await bundleDoc()) as Record<string, Record<string, unknown> | Record<string, unknown>[]>;
    const row = Array.isArray(doc[list]) ? (doc[list] as Record<string, unknown>[])[0] : (doc[list] as Record<string, unknown>);
    row[field] = value;
    expect(() => parseBundle(JSON.stringify(doc))).toThrow(message);
    expect(await db.pipelines.count()).toBe(0);
  });
});
