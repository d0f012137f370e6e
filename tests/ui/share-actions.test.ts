import { describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../src/core/hash';
import { getDataset } from '../../src/storage/datasets-repo';
import { listRuns } from '../../src/storage/runs-repo';
import { listVersions } from '../../src/storage/versions-repo';
import { APP_MESSAGES } from '../../src/ui/state/app.svelte';
import { provideData, shareLink } from '../../src/ui/state/share-actions.svelte';
import { database, page, until } from './app-page';

// Share links through the app (share-actions) with a stand-in engine: a link made of a run
// opens read-only in another browser, its run is checked against the author's and stored
// nowhere, the first edit makes the user's own copy (keeping that run), a damaged link is
// refused, and a file the link asks for is taken only when it is the author's.

/** A share link of the iris example after one run, made in a browser of its own; returns its fragment. */
async function irisLink(): Promise<string> {
  vi.stubGlobal('location', new URL('http://localhost/app/'));
  const { app } = await page(database());
  await app.openExample('iris-logreg');
  await until(() => app.runner.status === 'idle');
  await app.run();
  const { url, withResult } = await shareLink(app);
  expect(withResult).toBe(true);
  expect(url.startsWith('http://localhost/app/#')).toBe(true);
  return url.slice(url.indexOf('#') + 1);
}

describe('share actions', () => {
  it('opens a link read-only; its run is checked against the author’s and stored nowhere; the first edit makes the user’s copy with that run', async () => {
    const fragment = await irisLink();
    const db = database();
    const { app, engine } = await page(db, undefined, fragment);
    expect(app.screen).toBe('editor');
    expect(app.link.payload?.spec.name).toBe('Iris: logistic regression');
    expect(app.workspace.currentId).toBeNull();
    expect(engine.starts).toEqual(['cpu']); // the author's backend, not the remembered Auto
    await until(() => app.runner.status === 'idle');
    await app.run();
    expect(app.link.authorCheck?.reproduced).toBe(true);
    expect(await db.pipelines.count()).toBe(0);
    expect(await db.runs.count()).toBe(0);

    const checked = app.runner.view!;
    app.editor.setParam('model', 'C', 0.5);
    await until(() => app.notice);
    expect(app.notice).toMatch(/^This is now your own copy of “Iris: logistic regression”/);
    expect(app.link.payload).toBeNull();
    expect(app.link.authorChanged).toBe(true);
    const id = app.workspace.currentId!;
    const runs = await listRuns(db, id);
    expect(runs.map((r) => r.view.record.resultHash)).toEqual([checked.record.resultHash]);
    expect(app.shownRunId).toBe(runs[0].id);
    expect((await listVersions(db, id)).map((v) => v.label)).toContain('shared original');
  });

  it('refuses a damaged link, saying so; the pipeline that was open stays', async () => {
    const { app } = await page(database());
    await app.openExample('iris-logreg');
    const id = app.workspace.currentId;
    app.messages.post(APP_MESSAGES.notice, 'info', 'an older notice');
    await app.openShared('s=this-is-not-a-link');
    expect(app.messages.latest('error', APP_MESSAGES.action)).toMatch(/^This link cannot be opened: .+ Nothing you had saved was changed\.$/);
    expect(app.notice).toBeNull();
    expect(app.workspace.currentId).toBe(id);
    expect(app.link.payload).toBeNull();
  });

  it('takes a file the link asks for only when its content is the author’s', async () => {
    const db = database();
    const { app } = await page(db);
    const text = 'x,y\n1,a\n2,b\n';
    const hash = await sha256Hex(text);
    const payload = { spec: app.editor.spec, expected: null, data: [] };
    app.link.show(payload, app.editor.revision, { pending: [], missing: [{ name: 'big.csv', hash }] });
    await provideData(app, 'other.csv', 'x,y\n9,z\n');
    expect(app.messages.latest('error', APP_MESSAGES.action)).toMatch(/^other\.csv is not the file this pipeline was made with/);
    expect(app.link.missingData).toHaveLength(1);
    await provideData(app, 'big.csv', text);
    expect(app.messages.latest('error', APP_MESSAGES.action)).toBeNull();
    expect(app.link.missingData).toEqual([]);
    expect((await getDataset(db, hash))?.text).toBe(text);
  });
});
