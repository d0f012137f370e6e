import { writeFile } from 'node:fs/promises';
import { pythonInputs } from '../engine/python-inputs';
import { exportNotebook } from '../share/notebook-export';
import { exportPython } from '../share/python-export';
import { CliInputError } from './cli-error';
import { attachDataFile } from './data-file';
import { EXIT } from './exit-codes';
import { loadSpecFile } from './load-spec';
import { nodeDataSource } from './node-data-source';
import { NODE_RUNTIME, loadNodeTf } from './node-tf';

/** Options of `pipelab export python|notebook`. */
export interface ExportOptions {
  readonly format: string;
  readonly file: string;
  /** Where to write; standard output when absent. */
  readonly out?: string;
  /** A data file for the pipeline's data.import step. */
  readonly data?: string;
}

/**
 * Writes the Python script or Jupyter notebook of a pipeline: runs it on cpu up to
 * its split (for pipelab's test rows and, when needed, the data), then exports.
 */
export async function exportCommand(o: ExportOptions, print: (text: string) => void): Promise<number> {
  if (o.format !== 'python' && o.format !== 'notebook') {
    throw new CliInputError(`export: expected "python" or "notebook", got "${o.format}". Usage: pipelab export python|notebook FILE [--out PATH].`);
  }
  const spec = await loadSpecFile(o.file);
  const dataSource = o.data ? await attachDataFile(spec, o.data) : nodeDataSource;
  let text: string;
  try {
    const inputs = await pythonInputs(spec, { tf: loadNodeTf(), backend: 'cpu', dataSource, runtime: NODE_RUNTIME });
    text = o.format === 'python' ? exportPython(spec, inputs) : exportNotebook(spec, inputs);
  } catch (err) {
    throw new CliInputError(`${o.file} cannot be exported: ${(err as Error).message}`);
  }
  if (!o.out) {
    print(text.trimEnd());
    return EXIT.ok;
  }
  try {
    await writeFile(o.out, text);
  } catch (err) {
    throw new CliInputError(`Cannot write ${o.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
  print(`Wrote ${o.out}`);
  return EXIT.ok;
}
