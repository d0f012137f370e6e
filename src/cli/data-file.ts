import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { withoutByteOrderMark } from '../core/data-limits';
import { PipelabError } from '../core/errors';
import { sha256Hex } from '../core/hash';
import type { PipelineSpec } from '../core/spec';
import { withUserData, type DataSource } from '../engine/data-source';
import { formatOf, parseUserData } from '../steps/data/parse-user-data';
import { CliInputError } from './cli-error';
import { nodeDataSource } from './node-data-source';

/**
 * Supplies a data file to the pipeline's import step (`--data FILE`). An import
 * step without a hash takes the file's; one with a different hash is refused,
 * because the pipeline was made with other data. A file the import step could not
 * read (two BOMs, ragged, too wide, …) is bad input (exit 2), found here before the run.
 */
export async function attachDataFile(spec: PipelineSpec, file: string): Promise<DataSource> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliInputError(`Cannot read the data file ${file}.`);
  }
  // Browsers drop a UTF-8 byte order mark when they read a file; so does the CLI, so both hash the same text.
  text = checkedText(text, file);
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

/** The file's text without its BOM, after checking that the import step can read it: its problems are a CliInputError. */
function checkedText(raw: string, file: string): string {
  try {
    const text = withoutByteOrderMark(raw);
    parseUserData(text, formatOf(file));
    return text;
  } catch (err) {
    if (err instanceof PipelabError) throw new CliInputError(`--data: ${file} cannot be read: ${err.message}`);
    throw err;
  }
}
