import { runPipeline } from '../engine/run-pipeline';
import { CliInputError } from './cli-error';
import { EXIT } from './exit-codes';
import { loadSpecFile, parseSeed } from './load-spec';
import { nodeDataSource } from './node-data-source';
import { NODE_RUNTIME, loadNodeTf } from './node-tf';
import { formatSummary } from './summary';
import { writeOutputs } from './write-outputs';
import { attachDataFile } from './data-file';

/** Options of `pipelab run`. */
export interface RunCommandOptions {
  readonly file: string;
  readonly seed?: string;
  readonly backend?: string;
  readonly out?: string;
  readonly json: boolean;
  /** A data file for the pipeline's import step. */
  readonly data?: string;
}

/** Runs a spec file and prints the summary or the run record; returns the exit code. */
export async function runCommand(o: RunCommandOptions, print: (text: string) => void): Promise<number> {
  const backend = o.backend ?? 'cpu';
  if (backend !== 'cpu' && backend !== 'wasm') {
    throw new CliInputError(`--backend: expected cpu or wasm, got "${backend}".`);
  }
  const spec = await loadSpecFile(o.file);
  if (o.seed !== undefined) spec.seed = parseSeed(o.seed);
  const dataSource = o.data ? await attachDataFile(spec, o.data) : nodeDataSource;
  const { record, outputs } = await runPipeline(spec, { tf: loadNodeTf(), backend, dataSource, runtime: NODE_RUNTIME });
  print(o.json ? JSON.stringify(record, null, 2) : formatSummary(record));
  if (o.out) {
    const files = await writeOutputs(o.out, record, outputs);
    if (!o.json) print(`\nWrote ${files.length} files to ${o.out}`);
  }
  return record.status === 'done' ? EXIT.ok : EXIT.runFailed;
}
