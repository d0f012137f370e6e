import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/hash';
import { loadExample } from '../helpers';
import type { SharePayload } from '../../src/share/share-payload';
import { getDataset } from '../../src/storage/datasets-repo';
import { SharedLink } from '../../src/ui/state/app-link.svelte';
import { readSettings, remember } from '../../src/ui/state/app-settings';
import { StorageCheck } from '../../src/ui/state/app-storage.svelte';
import { databasesPerTest } from '../storage/helpers';

// The small parts AppState is made of: the open share link (its embedded data, fork and
// leave), the storage check (persistence asked once), and the remembered settings.

const newDb = databasesPerTest();
const CSV = 'x,y\n1,a\n2,b\n';

async function linkWithData(): Promise<{ link: SharedLink; hash: string; payload: SharePayload }> {
  const hash = await sha256Hex(CSV);
  const payload: SharePayload = { spec: loadExample('iris-logreg'), expected: null, data: [] };
  const link = new SharedLink();
  link.show(payload, 7, { pending: [{ stepId: 'data', name: 'small.csv', hash, csv: CSV }], missing: [] });
  return { link, hash, payload };
}

describe('SharedLink', () => {
  it('lends its embedded data to previews until the user uses the pipeline, then stores it once', async () => {
    const db = newDb();
    const { link, hash } = await linkWithData();
    expect(link.previewDataOptions('db')).toEqual({ dataDb: 'db', userData: { [hash]: CSV } });
    expect(await getDataset(db, hash)).toBeUndefined();
    await link.keepData(db);
    expect((await getDataset(db, hash))?.text).toBe(CSV);
    expect(link.previewDataOptions('db')).toEqual({ dataDb: 'db' });
  });

  it('counts an edit only after the revision it was opened at; a fork ends read-only mode once; leaving drops the data', async () => {
    const { link, payload } = await linkWithData();
    expect(link.editedAt(7)).toBe(false);
    expect(link.editedAt(8)).toBe(true);
    link.authorCheck = { reproduced: true, reasons: [] };
    expect(link.fork()).toBe(payload);
    expect(link.authorChanged).toBe(true);
    expect(link.fork()).toBeNull();
    expect(link.editedAt(9)).toBe(false);
    const again = (await linkWithData()).link;
    again.leave();
    expect(again.payload).toBeNull();
    expect(again.previewDataOptions('db')).toEqual({ dataDb: 'db' });
  });
});

describe('StorageCheck', () => {
  it('reads usage, asks the browser to persist only once something is saved, and only once', async () => {
    let asked = 0;
    const api = {
      estimate: async () => ({ usage: 2048, quota: 1 << 20 }),
      persist: async () => (++asked, true),
      persisted: async () => asked > 0,
    } as unknown as StorageManager;
    const check = new StorageCheck();
    await check.check(true);
    expect(check.info).toBeNull(); // no storage API given: nothing is read
    check.use(api);
    await check.check(false);
    expect(check.info).toEqual({ used: 2048, quota: 1 << 20, persisted: false });
    await check.check(true);
    await check.check(true);
    expect(asked).toBe(1);
    expect(check.info?.persisted).toBe(true);
  });

  it('shows nothing when the browser fails to say', async () => {
    const check = new StorageCheck();
    check.use({ estimate: async () => Promise.reject(new Error('denied')) } as unknown as StorageManager);
    await check.check(false);
    expect(check.info).toBeNull();
  });
});

describe('app settings', () => {
  it('start from their defaults and come back as remembered', async () => {
    const db = newDb();
    expect(await readSettings(db)).toEqual({ backend: 'auto', calibration: null, autoRun: false, present: false });
    await remember(db, 'backend', 'wasm');
    await remember(db, 'autoRun', true);
    await remember(db, 'present', true);
    expect(await readSettings(db)).toEqual({ backend: 'wasm', calibration: null, autoRun: true, present: true });
  });

  it('fall back to the defaults when storage cannot be read, and a failed write throws nothing', async () => {
    const db = newDb();
    await remember(db, 'autoRun', true);
    db.close(); // reads and writes now fail
    expect(await readSettings(db)).toEqual({ backend: 'auto', calibration: null, autoRun: false, present: false });
    await expect(remember(db, 'autoRun', true)).resolves.toBeUndefined();
  });
});
