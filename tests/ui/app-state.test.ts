import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PipelabDb } from '../../src/storage/db';
import { listRuns } from '../../src/storage/runs-repo';
import { listedRun } from '../../src/ui/state/run-list';
import { APP_MESSAGES, AppState } from '../../src/ui/state/app.svelte';
import { freshDb } from '../storage/helpers';
import { standInEngine, standInPool, type StandIn } from './engine-stand-in';

// AppState through a stand-in engine (tests/ui/engine-stand-in.ts) and a fake IndexedDB:
// start-up, opening an example, running and storing the run, an invalid pipeline, what a
// reload brings back, the remembered backend, and auto-run after an edit.

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  vi.unstubAllGlobals();
});

/** Waits for a state to be reached (a run ending, a save landing); never for a duration. */
const until = (check: () => unknown | Promise<unknown>) => vi.waitFor(async () => expect(await check()).toBeTruthy(), { timeout: 30_000, interval: 20 });

function database(): PipelabDb {
  const { db, factory } = freshDb();
  // Dexie's liveQuery only runs its queries when a global indexedDB exists (Dexie issue #2046).
  vi.stubGlobal('indexedDB', factory);
  Dexie.dependencies.indexedDB = factory;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  cleanups.push(() => db.close());
  return db;
}

/** An app (a page load) on `db` with a stand-in engine. */
async function page(db: PipelabDb, engine: StandIn = standInEngine()) {
  const app = new AppState(db, { client: engine.client, pool: () => standInPool().pool });
  cleanups.push(() => {
    app.workspace.dispose();
    app.lab.dispose();
    app.sweep.dispose();
  });
  await app.init(undefined, null);
  return { app, engine };
}

describe('AppState', () => {
  it('starts on the gallery with the engine started on Auto', async () => {
    const { app, engine } = await page(database());
    expect(app.ready).toBe(true);
    expect(app.screen).toBe('gallery');
    expect(engine.starts).toEqual(['auto']);
    await until(() => app.runner.status === 'idle');
  });

  it('opens an example as the user’s own pipeline, runs it and stores the run it shows', async () => {
    const db = database();
    const { app } = await page(db);
    expect(await app.openExample('iris-logreg')).toBe(true);
    expect(await app.openExample('no-such-example')).toBe(false);
    expect(app.screen).toBe('editor');
    const id = app.workspace.currentId!;
    await until(() => app.runner.status === 'idle');
    await app.run();
    expect(app.runner.status).toBe('done');
    const runs = await listRuns(db, id);
    expect(runs).toHaveLength(1);
    expect(app.shownRunId).toBe(runs[0].id);
    expect(runs[0].view.record.resultHash).toBe(app.runner.view?.record.resultHash);
  });

  it('refuses to run an invalid pipeline, saying why, and stores nothing', async () => {
    const db = database();
    const { app, engine } = await page(db);
    await app.openExample('iris-logreg');
    expect(app.editor.setParam('model', 'C', -1)).toMatch(/^Expected/); // a bad param never gets in
    app.editor.rename(''); // an empty name does, and the run is refused
    await app.run();
    expect(app.messages.latest('error', APP_MESSAGES.action)).toMatch(/^The pipeline is not valid: .*name/);
    expect(app.runner.error).toBeNull(); // the app's message, not the runner's
    expect(engine.runs).toHaveLength(0);
    expect(await listRuns(db, app.workspace.currentId!)).toHaveLength(0);
  });

  it('after a reload reopens the pipeline with its last run on show, on the backend chosen before', async () => {
    const db = database();
    const first = await page(db);
    await first.app.openExample('iris-logreg');
    await until(() => first.app.runner.status === 'idle');
    await first.app.run();
    await first.app.setBackend('wasm');
    await first.app.workspace.flush();
    const { app, engine } = await page(db);
    expect(engine.starts).toEqual(['wasm']);
    expect(app.screen).toBe('editor');
    expect(app.workspace.currentId).toBe(first.app.workspace.currentId);
    expect(app.runner.view?.record.resultHash).toBe(first.app.runner.view?.record.resultHash);
    expect(app.shownRunId).toBe(first.app.shownRunId);
  });

  it('shows one run at a time through showRun: a stored run opened, a new run, a new pipeline (none); each clears the app\'s old message', async () => {
    const db = database();
    const { app } = await page(db);
    await app.openExample('iris-logreg');
    await until(() => app.runner.status === 'idle');
    await app.run();
    app.editor.setParam('model', 'C', 0.5);
    await app.run();
    const [newer, older] = await listRuns(db, app.workspace.currentId!);
    expect(app.shownRunId).toBe(newer.id);
    app.tab = 'runs';
    app.messages.post(APP_MESSAGES.action, 'error', 'an earlier problem');
    await app.openRun(listedRun(older));
    expect(app.runner.view?.record.resultHash).toBe(older.view.record.resultHash);
    expect(app.shownRunId).toBe(older.id);
    expect(app.tab).toBe('results');
    expect(app.messages.latest('error', APP_MESSAGES.action)).toBeNull();
    await app.run(); // the newest run goes on show and is stored (the older one stays as it was)
    expect(app.runner.view?.record.resultHash).toBe(newer.view.record.resultHash);
    expect(app.shownRunId).not.toBe(older.id);
    expect(await listRuns(db, app.workspace.currentId!)).toHaveLength(3);
    await app.openExample('spiral-mlp');
    expect(app.runner.view).toBeNull();
    expect(app.shownRunId).toBeNull();
    expect(app.runner.status).toBe('idle');
  });

  it('with auto-run on, runs again after an edit', async () => {
    const { app, engine } = await page(database());
    await app.openExample('iris-logreg');
    await until(() => app.runner.status === 'idle');
    await app.setAutoRun(true);
    app.editor.setParam('model', 'C', 0.5);
    await until(() => engine.runs.length === 1 && app.runner.status === 'done');
    expect(engine.runs[0].steps.find((s) => s.id === 'model')?.params.C).toBe(0.5);
  });
});
