// The run right after an import, in the worker: it reads the file the worker has just stored
// (the same text, its hash and parse reused) only while the database still holds it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DataSource } from '../../src/engine/data-source';
import type { PipelabDb } from '../../src/storage/db';
import { previewFile, storePreviewed } from '../../src/worker/preview-file';
import { withStoredData } from '../../src/worker/stored-data-source';
import { doc, run, spec } from '../helpers';
import { workerDb } from '../storage/helpers';

const TEXT = 'f1,f2,label\n' + Array.from({ length: 40 }, (_, i) => `${i},${(i * 7) % 11},${i % 2 ? 'a' : 'b'}`).join('\n') + '\n';
const bundled: DataSource = { load: () => Promise.reject(new Error('no bundled data here')) };
let db: PipelabDb;

beforeAll(() => {
  db = workerDb('import-then-run'); // the worker opens the database by name
});
afterAll(() => {
  db.close();
  vi.unstubAllGlobals();
});

describe('the run after an import', () => {
  it('trains on the file just stored, with the hash and table the preview made, and refuses it once it is deleted', async () => {
    const previewed = await previewFile(new File([TEXT], 'mine.csv'), () => {});
    const { preview } = previewed;
    await storePreviewed(previewed, db.name);
    const s = spec(doc([
      { id: 'data', kind: 'data.import', params: { name: 'mine.csv', hash: preview.hash, target: 'label' } },
      { id: 'split', kind: 'split.train-test', params: {} },
      { id: 'model', kind: 'model.logistic-regression', params: {} },
      { id: 'evaluate', kind: 'evaluate.classification', params: {} },
    ]));
    const source = withStoredData(bundled, db.name);
    const first = await run(s, { dataSource: source });
    expect(first.record.status).toBe('done');
    // The same run from the text itself (no worker state involved) gives the same result.
    const fromText = await run(s, { dataSource: { load: () => Promise.resolve(TEXT) } });
    expect(first.record.resultHash).toBe(fromText.record.resultHash);
    await db.datasets.delete(preview.hash);
    const gone = await run(s, { dataSource: source });
    expect(gone.record.status).toBe('failed');
    expect(gone.record.error?.message).toMatch(/is not in this browser: import that file first/);
  });
});
