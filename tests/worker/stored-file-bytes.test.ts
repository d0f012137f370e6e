// An imported file is stored as the Blob of its bytes (not a 50 MB string); reading it back gives
// the text the preview parsed, whose hash is the stored key. Rows stored as text before still read.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../src/core/hash';
import type { PipelabDb } from '../../src/storage/db';
import { getDataset, putDataset } from '../../src/storage/datasets-repo';
import { collectBundle } from '../../src/share/bundle';
import { previewFile, storePreviewed } from '../../src/worker/preview-file';
import { workerDb } from '../storage/helpers';

const BODY = 'naïve,größe,label\n1,2.5,ja\n3,4.5,nein\n5,6.5,ja\n';
let db: PipelabDb;

beforeAll(() => {
  db = workerDb('stored-file-bytes'); // the worker opens the database by name
});
afterAll(() => {
  db.close();
  vi.unstubAllGlobals();
});

describe('an imported file in IndexedDB', () => {
  it('is stored as its bytes without the BOM, hashed by the stored key, and reads back as the text the preview parsed', async () => {
    const withBom = new File([new Uint8Array([0xef, 0xbb, 0xbf]), BODY], 'umlaut.csv');
    const previewed = await previewFile(withBom, () => {});
    await storePreviewed(previewed, db.name);
    const row = await db.datasets.get(previewed.preview.hash);
    expect(row?.bytes).toBeInstanceOf(Blob);
    expect(row?.text).toBeUndefined();
    const stored = new Uint8Array(await row!.bytes!.arrayBuffer());
    expect(stored).toEqual(new TextEncoder().encode(BODY));
    expect(await sha256Hex(stored)).toBe(previewed.preview.hash);
    const back = await getDataset(db, previewed.preview.hash);
    expect(back).toMatchObject({ name: 'umlaut.csv', format: 'csv', text: BODY, origin: 'import' });
    expect(back?.text).toBe(previewed.text);
  });

  it('still reads a data set stored as text before, and bundles carry both kinds as text', async () => {
    const old = 'a,b\n1,x\n2,y\n';
    const hash = await putDataset(db, 'old.csv', 'csv', old);
    expect((await db.datasets.get(hash))?.text).toBe(old);
    expect((await getDataset(db, hash))?.text).toBe(old);
    const previewed = await previewFile(new File([BODY], 'new.csv'), () => {});
    await storePreviewed(previewed, db.name);
    await db.pipelines.add({ id: 'p', name: 'p', spec: { format: 'pipelab/pipeline', version: 1, name: 'p', seed: 1, steps: [] }, createdAt: 1, updatedAt: 1, deletedAt: null, rev: 1 } as never);
    await db.runs.bulkAdd([
      { id: 'r1', pipelineId: 'p', createdAt: 1, versionHash: 'v', datasetHashes: { data: hash } },
      { id: 'r2', pipelineId: 'p', createdAt: 2, versionHash: 'v', datasetHashes: { data: previewed.preview.hash } },
    ] as never);
    const bundle = await collectBundle(db, 'p');
    expect(bundle.datasets.map((d) => d.text).sort()).toEqual([old, BODY].sort());
    expect(bundle.datasets.every((d) => !('bytes' in d))).toBe(true);
  });
});
