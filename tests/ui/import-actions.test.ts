import { describe, expect, it } from 'vitest';
import { bundleText, collectBundle } from '../../src/share/bundle';
import { listRuns } from '../../src/storage/runs-repo';
import { APP_MESSAGES } from '../../src/ui/state/app.svelte';
import { openResultCode } from '../../src/ui/state/class-actions';
import { importBundleText } from '../../src/ui/state/import-actions';
import { database, page, until } from './app-page';

// Files and links coming into the app with a stand-in engine: a bundle imported with its runs
// and a broken one refused (import-actions), and a result link that cannot be read
// (class-actions). A data file's preview needs a real File sent to the worker, which Node's
// MessageChannel does not carry whole (its name is lost): tests/e2e/import*.e2e.ts cover
// openImported and adoptImported in Chromium.

describe('files and links coming in', () => {
  it('imports a bundle with its runs and opens it; a broken bundle is refused and changes nothing', async () => {
    const first = await page(database());
    await first.app.openExample('iris-logreg');
    await until(() => first.app.runner.status === 'idle');
    await first.app.run();
    const text = bundleText(await collectBundle(first.app.workspace.db, first.app.workspace.currentId!));

    const db = database();
    const { app } = await page(db);
    await importBundleText(app, text);
    expect(app.notice).toBe('Imported “Iris: logistic regression”: 1 new runs, 1 new versions.');
    expect(app.screen).toBe('editor');
    const [run] = await listRuns(db, app.workspace.currentId!);
    expect(app.shownRunId).toBe(run.id);
    expect(app.runner.view?.record.resultHash).toBe(first.app.runner.view?.record.resultHash);

    await importBundleText(app, '{"format":"pipelab/bundle","version":1}');
    expect(app.messages.latest('error', APP_MESSAGES.import)).toMatch(/^The bundle could not be imported: .+ Nothing was changed\.$/);
    expect(app.notice).toBeNull();
    expect(await db.pipelines.count()).toBe(1);
  });

  it('says where a result link belongs when its class board is not in this browser', async () => {
    const { app } = await page(database());
    await openResultCode(app, 'result=not-a-code');
    expect(app.screen).toBe('gallery');
    expect(app.notice).toMatch(/^This result code cannot be read: /);
  });
});
