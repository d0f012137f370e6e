// A pipeline merged in a live session (EditorState.merge) is saved in this browser's copy like an
// edit, keeps the selected step, and is not an edit of this user's (it is not sent back to the room).
import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditJournal } from '../../src/ui/state/edit-journal';
import { EditorState, type ChangeReason } from '../../src/ui/state/editor.svelte';
import { WorkspaceState } from '../../src/ui/state/workspace.svelte';
import { loadExample } from '../helpers';
import { freshDb } from '../storage/helpers';
import { MemoryLocks, MemoryStorage } from './journal-fakes';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  vi.unstubAllGlobals();
});

const until = (check: () => unknown | Promise<unknown>) => vi.waitFor(async () => expect(await check()).toBeTruthy(), { timeout: 20_000, interval: 20 });

describe('a merged live pipeline in the workspace', () => {
  it('is saved like an edit, keeps the selection while the step exists, and is reported as remote', async () => {
    const { db, factory } = freshDb();
    vi.stubGlobal('indexedDB', factory);
    Dexie.dependencies.indexedDB = factory;
    Dexie.dependencies.IDBKeyRange = IDBKeyRange;
    cleanups.push(() => db.close());
    const editor = new EditorState();
    const ws = new WorkspaceState(db, editor, (tabId) => new EditJournal(tabId, new MemoryStorage(), new MemoryLocks()));
    cleanups.push(() => ws.dispose());
    await ws.init();
    const spec = loadExample('iris-logreg');
    const id = (await ws.create(spec))!;
    editor.selectedStepId = 'model';
    const reasons: ChangeReason[] = [];
    editor.subscribe((_revision, reason) => reasons.push(reason));

    const merged = structuredClone(spec);
    merged.steps[3].params.epochs = 7;
    const split = editor.spec.steps[1];
    editor.merge(merged);
    expect(reasons).toEqual(['remote']);
    expect(editor.spec.steps[1]).toBe(split); // same steps: set in place, other steps' controls untouched
    expect(editor.snapshot()).toEqual(merged);
    expect(editor.selectedStepId).toBe('model');
    await until(async () => (await db.pipelines.get(id))?.spec.steps[3].params.epochs === 7);

    const without = structuredClone(merged);
    without.steps.splice(3, 1);
    editor.merge(without);
    expect(editor.selectedStepId).toBeNull();
    expect(editor.snapshot()).toEqual(without);
    await until(async () => (await db.pipelines.get(id))?.spec.steps.length === 4);
  });
});
