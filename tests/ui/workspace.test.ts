import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditorState } from '../../src/ui/state/editor.svelte';
import { AUTOSAVE_MS, WorkspaceState } from '../../src/ui/state/workspace.svelte';
import { versionsOf } from '../../src/storage/versions-repo';
import { loadExample } from '../helpers';
import { freshDb } from '../storage/helpers';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  vi.unstubAllGlobals();
});

function workspace() {
  const { db, factory } = freshDb();
  // Dexie's liveQuery only runs its queries when a global indexedDB exists (Dexie issue #2046).
  vi.stubGlobal('indexedDB', factory);
  Dexie.dependencies.indexedDB = factory;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const editor = new EditorState();
  const ws = new WorkspaceState(db, editor);
  cleanups.push(() => {
    ws.dispose();
    db.close();
  });
  return { db, editor, ws };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WorkspaceState', () => {
  it('autosaves an edit within half a second', async () => {
    const { db, editor, ws } = workspace();
    await ws.init();
    const id = (await ws.create(loadExample('iris-logreg')))!;
    editor.setParam('model', 'learningRate', 0.05);
    expect(ws.saveState).toBe('pending');
    await tick(AUTOSAVE_MS + 150);
    expect((await db.pipelines.get(id))?.spec.steps[3].params.learningRate).toBe(0.05);
    expect(ws.saveState).toBe('saved');
  });

  it('reopens the pipeline that was open last', async () => {
    const { db, ws } = workspace();
    await ws.init();
    const id = await ws.create(loadExample('spiral-mlp'));
    const again = new WorkspaceState(db, new EditorState());
    cleanups.push(() => again.dispose());
    expect(await again.init()).toBe(id);
  });

  it('on a full disk says so, keeps the edit on screen and everything saved before', async () => {
    const { db, editor, ws } = workspace();
    await ws.init();
    const id = (await ws.create(loadExample('iris-logreg')))!;
    const quota = Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.pipelines, 'update').mockRejectedValue(quota);
    editor.setParam('model', 'learningRate', 0.03);
    await tick(AUTOSAVE_MS + 150);
    expect(ws.error).toMatch(/Storage is full, so this change was not saved\. Everything saved before is intact/);
    expect(editor.spec.steps[3].params.learningRate).toBe(0.03);
    expect((await db.pipelines.get(id))?.spec.steps[3].params.learningRate).toBe(0.1);
    spy.mockRestore();
    editor.setParam('model', 'epochs', 60);
    await tick(AUTOSAVE_MS + 150);
    expect(ws.error).toBeNull();
    const row = await db.pipelines.get(id);
    expect(row?.spec.steps[3].params).toMatchObject({ learningRate: 0.03, epochs: 60 });
  });

  it('takes another tab’s edit, and keeps both when they collide', async () => {
    const { db, editor, ws } = workspace();
    await ws.init();
    const id = (await ws.create(loadExample('iris-logreg')))!;
    const otherEditor = new EditorState();
    const other = new WorkspaceState(db, otherEditor);
    cleanups.push(() => other.dispose());
    await other.init();
    await other.open(id);
    otherEditor.setParam('model', 'epochs', 77);
    await tick(AUTOSAVE_MS + 300);
    expect(editor.spec.steps[3].params.epochs).toBe(77);
    otherEditor.setParam('model', 'epochs', 88);
    editor.setParam('model', 'epochs', 99);
    await tick(AUTOSAVE_MS + 300);
    const row = await db.pipelines.get(id);
    const kept = (await versionsOf(db, id).toArray()).map((v) => v.spec.steps[3].params.epochs);
    expect([row?.spec.steps[3].params.epochs, ...kept].sort()).toEqual([88, 99]);
  });

  it('marks the head version: a saved version becomes it, a restored one becomes it again, in this tab and another', async () => {
    const { db, editor, ws } = workspace();
    await ws.init();
    const id = (await ws.create(loadExample('iris-logreg')))!;
    expect(ws.headVersion).toBeNull();
    await ws.saveVersion(editor.spec, 'first');
    editor.setParam('model', 'epochs', 61);
    await ws.saveVersion(editor.spec, 'second');
    await tick(100);
    const byLabel = (label: string) => ws.versions.find((v) => v.label === label)?.hash;
    expect(byLabel('second')).toBeDefined();
    expect(ws.headVersion).toBe(byLabel('second'));
    const other = new WorkspaceState(db, new EditorState());
    cleanups.push(() => other.dispose());
    await other.init();
    await other.open(id);
    expect(other.headVersion).toBe(byLabel('second'));
    await ws.restore(byLabel('first')!);
    await tick(100);
    expect(ws.headVersion).toBe(byLabel('first'));
    expect(other.headVersion).toBe(byLabel('first'));
    expect(editor.spec.steps[3].params.epochs).not.toBe(61);
  });
});
