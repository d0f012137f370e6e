import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex } from '../core/hash';
import type { PipelineSpec } from '../core/spec';
import { withUserData, type DataSource } from '../engine/data-source';
import { CliInputError } from './cli-error';
import { nodeDataSource } from './node-data-source';

/**
 * Supplies a data file to the pipeline's import step (`--data FILE`). An import
 * step without a hash takes the file's; one with a different hash is refused,
 * because the pipeline was made with other data.
 */
export async function attachDataFile(spec: PipelineSpec, file: string): Promise<DataSource> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliInputError(`Cannot read the data file ${file}.`);
  }
  // Browsers drop a UTF-8 byte order mark when they read a file; so does the CLI, so both hash the same text.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const hash = await sha256Hex(text);
  const imports = spec.steps.filter((s) => s.kind === 'data.import' && s.enabled);
  if (imports.length === 0) throw new CliInputError('--data: the pipeline has no "data.import" step to give the file to.');
  for (const step of imports) {
    if (!step.params.hash) {
      step.params.hash = hash;
      step.params.name = path.basename(file);
    } else if (step.params.hash !== hash) {
      throw new CliInputError(`--data: ${file} is not the data this pipeline was made with (expected content ${String(step.params.hash).slice(0, 12)}…, the file has ${hash.slice(0, 12)}…).`);
    }
  }
  return withUserData(nodeDataSource, { [hash]: text });
}
