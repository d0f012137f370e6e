import { readFile } from 'node:fs/promises';
import { SpecError } from '../core/errors';
import { MAX_SEED } from '../core/prng';
import { decodeDocument, restorePipeline } from '../core/restore';
import type { PipelineSpec } from '../core/spec';
import { stepCatalog } from '../steps/catalog';
import { RUN_FORMAT } from '../engine/run-record';
import { CliInputError } from './cli-error';
import { decodeShare } from '../share/link-codec';
import { ShareError } from '../share/share-error';
import { BUNDLE_FORMAT, parseBundle } from '../share/bundle';

/**
 * Reads a pipeline from a share link (URL or fragment), or from a file holding a
 * spec, a run record or a bundle; every way goes through the one restore path.
 */
export async function loadSpecFile(file: string): Promise<PipelineSpec> {
  if (file.includes('#share=') || file.startsWith('share=')) {
    try {
      return (await decodeShare(file)).spec;
    } catch (err) {
      if (err instanceof ShareError) throw new CliInputError(`The link cannot be opened: ${err.message}`);
      throw err;
    }
  }
  const text = await readText(file);
  if (text.includes(`"format":"${BUNDLE_FORMAT}"`) || text.includes(`"format": "${BUNDLE_FORMAT}"`)) {
    try {
      return parseBundle(text).pipeline.spec;
    } catch (err) {
      if (err instanceof ShareError) throw new CliInputError(`${file}: ${err.message}`);
      throw err;
    }
  }
  const doc = parse(file, text);
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
  return parse(file, await readText(file));
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message;
    throw new CliInputError(`Cannot read ${file}: ${why}.`);
  }
}

function parse(file: string, text: string): Record<string, unknown> {
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
