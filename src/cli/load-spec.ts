import { readFile } from 'node:fs/promises';
import { SpecError } from '../core/errors';
import { MAX_SEED } from '../core/prng';
import { decodeDocument, restorePipeline } from '../core/restore';
import type { PipelineSpec } from '../core/spec';
import { stepCatalog } from '../steps/registry';
import { RUN_FORMAT } from '../engine/run-record';
import { CliInputError } from './cli-error';

/** Reads a pipeline spec (or a run record's spec) from a file, through the one restore path. */
export async function loadSpecFile(file: string): Promise<PipelineSpec> {
  const doc = await readDocument(file);
  return restoreFrom(file, doc.format === RUN_FORMAT ? doc.spec : doc);
}

/** Restores a spec that came from `file`, turning a SpecError into a one-line CLI error. */
export function restoreFrom(file: string, doc: unknown): PipelineSpec {
  try {
    return restorePipeline(doc, stepCatalog);
  } catch (err) {
    if (err instanceof SpecError) throw new CliInputError(`${file} is not a valid pipeline: ${err.message}`);
    throw err;
  }
}

/** Reads and parses a JSON document (a spec or a run record) within restore's size and depth limits. */
export async function readDocument(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message;
    throw new CliInputError(`Cannot read ${file}: ${why}.`);
  }
  try {
    return decodeDocument(text);
  } catch (err) {
    if (err instanceof SpecError) throw new CliInputError(`${file} is not a valid pipeline or run record: ${err.message}`);
    throw err;
  }
}

/** Parses a --seed value: an integer from 0 to 2³²−1. */
export function parseSeed(text: string): number {
  const seed = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(seed) || seed > MAX_SEED) {
    throw new CliInputError(`--seed: expected an integer from 0 to ${MAX_SEED}, got "${text}".`);
  }
  return seed;
}
