// Data embedded in a share link (issue 16): checked against its hash when the link is opened,
// stored only when the user uses the pipeline, refused when forged, and never replacing stored data.
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/hash';
import { ShareError } from '../../src/share/share-error';
import type { SharedData, SharePayload } from '../../src/share/share-payload';
import { putDataset } from '../../src/storage/datasets-repo';
import { checkSharedData, storeSharedData } from '../../src/ui/state/shared-data';
import { databasesPerTest } from '../storage/helpers';

const newDb = databasesPerTest();
const REAL = 'x,y\n1,a\n2,b\n3,a\n';
const FORGED = 'x,y\n9,b\n9,b\n';

const payloadWith = (data: SharedData[]) => ({ spec: null, expected: null, data }) as unknown as SharePayload;

describe('data embedded in a link', () => {
  it('is checked on opening but stored only when asked (the user ran or forked the pipeline)', async () => {
    const db = newDb();
    const hash = await sha256Hex(REAL);
    const far = { stepId: 'other', name: 'big.csv', hash: 'c'.repeat(64), csv: null };
    const check = await checkSharedData(db, payloadWith([{ stepId: 'data', name: 'real.csv', hash, csv: REAL }, far]));
    expect(check.pending.map((d) => d.name)).toEqual(['real.csv']);
    expect(check.missing).toEqual([{ name: 'big.csv', hash: 'c'.repeat(64) }]);
    expect(await db.datasets.count()).toBe(0);
    await storeSharedData(db, check.pending);
    expect((await db.datasets.get(hash))?.text).toBe(REAL);
  });

  it('refuses a link whose embedded data does not match its hash, storing nothing', async () => {
    const db = newDb();
    const forged = { stepId: 'data', name: 'real.csv', hash: await sha256Hex(REAL), csv: FORGED };
    const err = await checkSharedData(db, payloadWith([forged])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShareError);
    expect((err as Error).message).toMatch(/The data "real.csv" in the link does not match its content hash/);
    expect(await db.datasets.count()).toBe(0);
  });

  it('never replaces data already stored under that hash', async () => {
    const db = newDb();
    const hash = await putDataset(db, 'real.csv', 'csv', REAL);
    const check = await checkSharedData(db, payloadWith([{ stepId: 'data', name: 'copy.csv', hash, csv: REAL }]));
    expect(check.pending).toEqual([]);
    await storeSharedData(db, [{ stepId: 'data', name: 'renamed.csv', hash, csv: FORGED }]);
    expect(await db.datasets.toArray()).toMatchObject([{ hash, name: 'real.csv', text: REAL }]);
  });
});
