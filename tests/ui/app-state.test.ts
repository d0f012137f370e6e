import { describe, expect, it } from 'vitest';
import { listRuns } from '../../src/storage/runs-repo';
import { listVersions } from '../../src/storage/versions-repo';
import { listedRun } from '../../src/ui/state/run-list';
import { APP_MESSAGES } from '../../src/ui/state/app.svelte';
import { database, page, until } from './app-page';

// AppState through a stand-in engine (tests/ui/engine-stand-in.ts) and a fake IndexedDB:
// start-up, opening an example, running and storing the run, an invalid pipeline, what a
// reload brings back, the remembered backend, showing runs (showRun) and restoring versions, and
// auto-run after an edit.

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

  it('restoring a version goes through showRun: its latest run goes on display, a version that never ran clears it; the tab stays', async () => {
    const db = database();
    const { app } = await page(db);
    await app.openExample('iris-logreg');
    await until(() => app.runner.status === 'idle');
    const C = () => app.editor.spec.steps.find((s) => s.id === 'model')?.params.C;
    const firstC = C();
    await app.run();
    app.editor.setParam('model', 'C', 0.5);
    await app.run();
    app.editor.setParam('model', 'C', 0.25);
    await app.workspace.saveVersion(app.editor.snapshot(), 'never ran');
    const id = app.workspace.currentId!;
    const [newer, older] = await listRuns(db, id);
    await until(() => app.workspace.runs.length === 2);
    expect(app.shownRunId).toBe(newer.id);
    app.tab = 'versions';
    app.messages.post(APP_MESSAGES.action, 'error', 'an earlier problem');

    await app.restoreVersion(older.versionHash);
    expect(C()).toBe(firstC);
    expect(app.runner.view?.record.resultHash).toBe(older.view.record.resultHash);
    expect(app.shownRunId).toBe(older.id);
    expect(app.runner.resultsStale(app.editor.spec)).toBe(false);
    expect(app.tab).toBe('versions');
    expect(app.messages.latest('error', APP_MESSAGES.action)).toBeNull();

    const unrun = (await listVersions(db, id)).find((v) => v.label === 'never ran')!;
    await app.restoreVersion(unrun.hash);
    expect(C()).toBe(0.25);
    expect(app.runner.view).toBeNull();
    expect(app.shownRunId).toBeNull();
    expect(app.runner.status).toBe('idle');

    await app.restoreVersion('f'.repeat(64)); // no such version: nothing changes, storage's message says so
    expect(C()).toBe(0.25);
    expect(app.workspace.error).toMatch(/No version ffffffffffff/);
    expect(app.tab).toBe('versions');
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
