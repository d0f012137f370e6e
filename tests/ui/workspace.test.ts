import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PipelabDb } from '../../src/storage/db';
import { CONFLICT_LABEL } from '../../src/storage/save-spec';
import { versionsOf } from '../../src/storage/versions-repo';
import { EditJournal } from '../../src/ui/state/edit-journal';
import { EditorState } from '../../src/ui/state/editor.svelte';
import { WorkspaceState } from '../../src/ui/state/workspace.svelte';
import { loadExample } from '../helpers';
import { freshDb } from '../storage/helpers';
import { MemoryLocks, MemoryStorage } from './journal-fakes';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  vi.unstubAllGlobals();
});

/** Waits for a state to be reached (a save landing, another tab's write arriving); never for a duration. */
const until = (check: () => unknown | Promise<unknown>) => vi.waitFor(async () => expect(await check()).toBeTruthy(), { timeout: 20_000, interval: 20 });

/** One browser profile: a database, a localStorage and Web Locks shared by its tabs. */
function profile() {
  const { db, factory } = freshDb();
  // Dexie's liveQuery only runs its queries when a global indexedDB exists (Dexie issue #2046).
  vi.stubGlobal('indexedDB', factory);
  Dexie.dependencies.indexedDB = factory;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  cleanups.push(() => db.close());
  return { db, storage: new MemoryStorage(), locks: new MemoryLocks() };
}

/** A tab (a page) of that profile. */
function tab(p: ReturnType<typeof profile>) {
  const editor = new EditorState();
  const ws = new WorkspaceState(p.db, editor, (tabId) => new EditJournal(tabId, p.storage, p.locks));
  cleanups.push(() => ws.dispose());
  return { editor, ws };
}

async function openedTab(p: ReturnType<typeof profile>, id: string) {
  const t = tab(p);
  await t.ws.init();
  await t.ws.open(id);
  return t;
}

const epochsOf = async (db: PipelabDb, id: string) => (await db.pipelines.get(id))?.spec.steps[3].params.epochs;
const keptEpochs = async (db: PipelabDb, id: string) => (await versionsOf(db, id).toArray()).map((v) => v.spec.steps[3].params.epochs);

describe('WorkspaceState', () => {
  it('autosaves an edit', async () => {
    const p = profile();
    const { editor, ws } = tab(p);
    await ws.init();
    const id = (await ws.create(loadExample('iris-logreg')))!;
    editor.setParam('model', 'learningRate', 0.05);
    expect(ws.saveState).toBe('pending');
    await until(() => ws.saveState === 'saved');
    expect((await p.db.pipelines.get(id))?.spec.steps[3].params.learningRate).toBe(0.05);
  });

  it('reopens the pipeline that was open last', async () => {
    const p = profile();
    const { ws } = tab(p);
    await ws.init();
    const id = await ws.create(loadExample('spiral-mlp'));
    expect(await tab(p).ws.init()).toBe(id);
  });

  it('on a full disk says so, keeps the edit on screen and everything saved before', async () => {
    const p = profile();
    const { editor, ws } = tab(p);
    await ws.init();
    const id = (await ws.create(loadExample('iris-logreg')))!;
    const quota = Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(p.db.pipelines, 'update').mockRejectedValue(quota);
    editor.setParam('model', 'learningRate', 0.03);
    await ws.flush();
    expect(ws.error).toMatch(/Storage is full, so this change was not saved\. Everything saved before is intact/);
    expect(ws.saveState).toBe('pending');
    expect(editor.spec.steps[3].params.learningRate).toBe(0.03);
    expect((await p.db.pipelines.get(id))?.spec.steps[3].params.learningRate).toBe(0.1);
    spy.mockRestore();
    editor.setParam('model', 'epochs', 60);
    await ws.flush();
    expect(ws.error).toBeNull();
    expect(ws.saveState).toBe('saved');
    expect((await p.db.pipelines.get(id))?.spec.steps[3].params).toMatchObject({ learningRate: 0.03, epochs: 60 });
  });

  it('a page that closes before its save: the next page saves the journaled edit and shows it', async () => {
    const p = profile();
    const first = tab(p);
    await first.ws.init();
    const id = (await first.ws.create(loadExample('iris-logreg')))!;
    first.editor.setParam('model', 'epochs', 71);
    first.ws.dispose(); // the page is gone: its save never runs, its lock is released
    expect(await epochsOf(p.db, id)).not.toBe(71);
    const next = tab(p);
    expect(await next.ws.init()).toBe(id);
    await next.ws.open(id);
    expect(next.editor.spec.steps[3].params.epochs).toBe(71);
    expect(await epochsOf(p.db, id)).toBe(71);
    expect(p.storage.length).toBe(0);
    expect(next.ws.autosave.conflictNotice).toBeNull();
  });

  it('leaves the journal of a tab that still lives to that tab, and recovers it once the tab is gone', async () => {
    const p = profile();
    const a = tab(p);
    await a.ws.init();
    const id = (await a.ws.create(loadExample('iris-logreg')))!;
    a.editor.setParam('model', 'epochs', 72);
    const b = tab(p);
    await b.ws.init();
    expect(await epochsOf(p.db, id)).not.toBe(72);
    expect(p.storage.length).toBe(1);
    a.ws.dispose();
    await until(async () => (await epochsOf(p.db, id)) === 72);
    await until(() => p.storage.length === 0);
  });

  it('takes another tab’s edit into the editor, and keeps it as a version when it edits on top', async () => {
    const p = profile();
    const a = tab(p);
    await a.ws.init();
    const id = (await a.ws.create(loadExample('iris-logreg')))!;
    const b = await openedTab(p, id);
    b.editor.setParam('model', 'epochs', 77);
    await b.ws.flush();
    await until(() => a.editor.spec.steps[3].params.epochs === 77);
    expect(a.ws.saveState).toBe('saved');
    a.editor.setParam('model', 'epochs', 78);
    await a.ws.flush();
    expect(await epochsOf(p.db, id)).toBe(78);
    expect(await keptEpochs(p.db, id)).toEqual([77]);
    await until(() => b.editor.spec.steps[3].params.epochs === 78);
    expect(a.ws.autosave.conflicts + b.ws.autosave.conflicts).toBe(0);
  });

  it('an edit that meets a newer one from another tab: the newer one is shown, the edit kept, the user told', async () => {
    const p = profile();
    const a = tab(p);
    await a.ws.init();
    const id = (await a.ws.create(loadExample('iris-logreg')))!;
    const b = await openedTab(p, id);
    a.editor.setParam('model', 'epochs', 88);
    b.editor.setParam('model', 'epochs', 99);
    await b.ws.flush();
    await a.ws.flush();
    expect(await epochsOf(p.db, id)).toBe(99);
    expect(a.editor.spec.steps[3].params.epochs).toBe(99);
    const kept = (await versionsOf(p.db, id).toArray()).filter((v) => v.label === CONFLICT_LABEL);
    expect(kept.map((v) => v.spec.steps[3].params.epochs)).toEqual([88]);
    expect(a.ws.autosave.conflicts).toBe(1);
    expect(a.ws.autosave.conflictNotice).toMatch(/Another tab changed this pipeline before your edit was saved.*kept in Versions/);
    expect(b.ws.autosave.conflicts).toBe(0);
    expect(a.ws.saveState).toBe('saved');
    expect(p.storage.length).toBe(0);
  });

  it('an edit made during a save that meets a newer one is kept too', async () => {
    const p = profile();
    const a = tab(p);
    await a.ws.init();
    const id = (await a.ws.create(loadExample('iris-logreg')))!;
    const b = await openedTab(p, id);
    b.editor.setParam('model', 'epochs', 50);
    await b.ws.flush();
    a.editor.setParam('model', 'epochs', 51);
    // The next edit comes while the save of 51 is under way (when it opens its transaction).
    const transaction = p.db.transaction.bind(p.db) as (...args: unknown[]) => unknown;
    const spy = vi.spyOn(p.db, 'transaction').mockImplementation(((...args: unknown[]) => {
      spy.mockRestore();
      a.editor.setParam('model', 'epochs', 52);
      return transaction(...args);
    }) as typeof p.db.transaction);
    await a.ws.flush();
    expect(a.ws.saveState).toBe('pending');
    await a.ws.flush();
    expect(await epochsOf(p.db, id)).toBe(50);
    expect((await keptEpochs(p.db, id)).sort()).toEqual([50, 51, 52]);
    expect(a.ws.autosave.conflicts).toBe(2);
    expect(a.editor.spec.steps[3].params.epochs).toBe(50);
  });

  it('a journaled edit that meets a newer write is kept as a version, and the next page says so', async () => {
    const p = profile();
    const a = tab(p);
    await a.ws.init();
    const id = (await a.ws.create(loadExample('iris-logreg')))!;
    const b = await openedTab(p, id);
    a.editor.setParam('model', 'epochs', 61);
    a.ws.dispose();
    b.editor.setParam('model', 'epochs', 62);
    await b.ws.flush();
    const next = tab(p);
    await next.ws.init();
    expect(await epochsOf(p.db, id)).toBe(62);
    expect(await keptEpochs(p.db, id)).toContain(61);
    expect(next.ws.autosave.conflicts).toBe(1);
    expect(next.ws.autosave.conflictNotice).toMatch(/just before a page closed.*kept in Versions/);
  });

  it('marks the head version: a saved version becomes it, a restored one becomes it again, in this tab and another', async () => {
    const p = profile();
    const { editor, ws } = tab(p);
    await ws.init();
    const id = (await ws.create(loadExample('iris-logreg')))!;
    expect(ws.headVersion).toBeNull();
    await ws.saveVersion(editor.spec, 'first');
    editor.setParam('model', 'epochs', 61);
    await ws.saveVersion(editor.spec, 'second');
    const byLabel = (label: string) => ws.versions.find((v) => v.label === label)?.hash;
    await until(() => byLabel('second') && ws.headVersion === byLabel('second'));
    const other = await openedTab(p, id);
    expect(other.ws.headVersion).toBe(byLabel('second'));
    await ws.restore(byLabel('first')!);
    await until(() => ws.headVersion === byLabel('first') && other.ws.headVersion === byLabel('first'));
    expect(editor.spec.steps[3].params.epochs).not.toBe(61);
  });

  it('a stored spec that fails restore: open says which pipeline and field, the editor keeps what it had, the list keeps it', async () => {
    const p = profile();
    const { editor, ws } = tab(p);
    await ws.init();
    const good = loadExample('iris-logreg');
    const id = (await ws.create(good))!;
    const other = (await ws.create({ ...loadExample('diabetes-linreg'), name: 'Diabetes' }))!;
    await ws.flush();
    const damaged = { ...good, steps: good.steps.map((s) => (s.id === 'model' ? { ...s, params: { ...s.params, epochs: -3 } } : s)) };
    await p.db.pipelines.update(id, { spec: damaged });

    expect(await ws.open(id)).toBeNull();
    expect(ws.error).toContain('"Iris: logistic regression"');
    expect(ws.error).toContain('steps[3].params.epochs');
    expect(ws.currentId).toBe(other);
    expect(editor.spec.name).toBe('Diabetes');
    await until(() => ws.pipelines.find((row) => row.id === id)?.problem?.includes('steps[3].params.epochs'));
    expect((await p.db.pipelines.get(id))?.spec).toEqual(damaged);
  });
});
