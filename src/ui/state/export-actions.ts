// Downloads of the open pipeline: the bundle file (versions, runs, data, models), a
// scikit-learn Python script, and a Jupyter notebook. Their code loads on first use.
import type { AppHost } from './app-host';
import { fileStem, saveFile } from '../workspace/save-file';

/** Downloads the open pipeline with its versions, runs, data and models as one file. */
export async function exportBundle(app: Pick<AppHost, 'workspace'>): Promise<void> {
  const id = app.workspace.currentId;
  if (!id) throw new Error('Make your own copy first: only your pipelines can be exported as a bundle.');
  await app.workspace.flush();
  const { bundleText, collectBundle } = await import('../../share/bundle');
  const bundle = await collectBundle(app.workspace.db, id);
  saveFile(bundleText(bundle), `${fileStem(bundle.pipeline.name)}.pipelab.json`, 'application/json');
}

/** Downloads a Python script (scikit-learn) that rebuilds the pipeline on the same data and split. */
export async function exportPythonScript(app: Pick<AppHost, 'editor' | 'runner' | 'workspace' | 'link'>): Promise<void> {
  const spec = app.editor.snapshot();
  await app.link.keepData(app.workspace.db);
  const inputs = await app.runner.engine.call('pythonInputs', spec, { dataDb: app.workspace.db.name });
  const { exportPython } = await import('../../share/python-export'); // loaded on first use, not with the start page
  saveFile(exportPython(spec, inputs), `${fileStem(spec.name)}.py`, 'text/x-python');
}

/** Downloads a Jupyter notebook (.ipynb) of the same scikit-learn code, one explained cell per step. */
export async function exportNotebookFile(app: Pick<AppHost, 'editor' | 'runner' | 'workspace'>): Promise<void> {
  const spec = app.editor.snapshot();
  const inputs = await app.runner.engine.call('pythonInputs', spec, { dataDb: app.workspace.db.name });
  const { exportNotebook } = await import('../../share/notebook-export'); // loaded on first use
  saveFile(exportNotebook(spec, inputs), `${fileStem(spec.name)}.ipynb`, 'application/x-ipynb+json');
}
