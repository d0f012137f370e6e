// Files coming in: a previewed data file opened as a starter pipeline or adopted as the
// next version of a data set, and a bundle file merged into the workspace.
import { APP_MESSAGES, type AppHost } from './app-host';

/** Opens the previewed file as a starter pipeline built from the choices in the preview; the worker stores the file once by hash. */
export async function openImported(app: Pick<AppHost, 'importPreview' | 'runner' | 'workspace' | 'messages' | 'open'>): Promise<void> {
  const taken = app.importPreview.take();
  if (!taken) return;
  const { preview, choices } = taken;
  try {
    await app.runner.engine.call('storePreviewed', preview.hash, app.workspace.db.name);
    const { starterPipeline } = await import('./starter-pipeline'); // loaded with the first import, not the start page
    await app.open(starterPipeline(preview, choices));
    app.messages.post(APP_MESSAGES.notice, 'info', `Imported ${preview.name}: ${preview.rows} rows, predicting "${choices.target}". Press Run.`);
  } catch (err) {
    app.messages.post(APP_MESSAGES.import, 'error', `The file could not be imported: ${(err as Error).message}`);
  }
}

/**
 * Stores a re-imported file as the next version of the data set of that name and
 * moves the pipelines that read it to the new version, then opens one of them (the
 * open one when it is among them): its steps show stale and, with auto-run on, it
 * retrains. Each stored run records the data version it read.
 */
export async function adoptImported(app: Pick<AppHost, 'importPreview' | 'runner' | 'workspace' | 'messages' | 'autoRun' | 'openStored'>): Promise<void> {
  const number = app.importPreview.earlier?.nextNumber;
  const preview = app.importPreview.takeAsVersion();
  if (!preview) return;
  try {
    await app.runner.engine.call('storePreviewed', preview.hash, app.workspace.db.name);
    const current = app.workspace.currentId;
    const changed = await app.workspace.adoptData(preview.name, preview.hash);
    const show = changed.includes(current ?? '') ? current : changed[0];
    if (show) await app.openStored(show);
    const next = show ? (app.autoRun ? ' Retraining this one…' : ' Its steps are stale: press Run to retrain.') : '';
    app.messages.post(APP_MESSAGES.notice, 'info', `${preview.name} version ${number}: ${changed.length} pipeline${changed.length === 1 ? '' : 's'} now read it.${next}`);
  } catch (err) {
    app.messages.post(APP_MESSAGES.import, 'error', `The new version of ${preview.name} could not be imported: ${(err as Error).message}`);
  }
}

/** Imports a bundle file, merging it without duplicates, and opens its pipeline. */
export async function importBundleText(app: Pick<AppHost, 'workspace' | 'messages' | 'storage' | 'openStored'>, text: string): Promise<void> {
  try {
    const { importBundle, parseBundle } = await import('../../share/bundle');
    const summary = await importBundle(app.workspace.db, parseBundle(text));
    await app.openStored(summary.pipelineId);
    void app.storage.check(true);
    app.messages.post(APP_MESSAGES.notice, 'info', `Imported “${summary.name}”: ${summary.runs} new runs, ${summary.versions} new versions${summary.newPipeline ? '' : ' (merged into your copy)'}.`);
  } catch (err) {
    app.messages.clear(APP_MESSAGES.notice);
    app.messages.post(APP_MESSAGES.import, 'error', `The bundle could not be imported: ${(err as Error).message} Nothing was changed.`);
  }
}
