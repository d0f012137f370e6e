import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { restorePipeline } from '../src/core/restore';
import type { PipelineSpec } from '../src/core/spec';
import { runPipeline, type RunOptions, type RunResult } from '../src/engine/run-pipeline';
import { nodeDataSource } from '../src/cli/node-data-source';
import { NODE_RUNTIME, loadNodeTf } from '../src/cli/node-tf';
import { stepCatalog } from '../src/steps/catalog';

/** tfjs as the CLI uses it (cpu reference backend, wasm registered). */
export const tf = loadNodeTf();
await tf.setBackend('cpu');

/** Names of the example pipelines under examples/ (every file there). */
export const EXAMPLES: readonly string[] = readdirSync(path.resolve(import.meta.dirname, '..', 'examples'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

/** Reads and restores examples/NAME.json. */
export function loadExample(name: string): PipelineSpec {
  const text = readFileSync(path.resolve(import.meta.dirname, '..', 'examples', `${name}.json`), 'utf8');
  return restorePipeline(text, stepCatalog);
}

/** Restores a spec given as a plain object. */
export function spec(doc: unknown): PipelineSpec {
  return restorePipeline(doc, stepCatalog);
}

/** Runs a spec in-process on Node with the bundled data. */
export function run(s: PipelineSpec, opts: Partial<RunOptions> = {}): Promise<RunResult> {
  return runPipeline(s, { tf, backend: 'cpu', dataSource: nodeDataSource, runtime: NODE_RUNTIME, ...opts });
}

/** A minimal valid pipeline document with the given steps. */
export function doc(steps: unknown[], seed = 42): Record<string, unknown> {
  return { format: 'pipelab/pipeline', version: 1, name: 'test', seed, steps };
}
