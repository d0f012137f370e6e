import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSource } from '../engine/data-source';
import type { DataRef } from '../steps/step';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where the bundled data files live (the app serves the same files from public/). */
export const BUILTIN_DATA_DIR = path.resolve(here, '../../public/datasets');

/**
 * Reads built-in data from public/datasets.
 * Synchronously: these files are small, and the asynchronous read's four trips to
 * libuv's thread pool (open, stat, read, close) took longer than the read itself.
 */
export const nodeDataSource: DataSource = {
  async load(ref: DataRef): Promise<string> {
    if (ref.origin === 'user') {
      throw new Error(`the data set "${ref.name ?? 'imported file'}" (content ${ref.file.slice(0, 12)}…) is not here: pass it with --data FILE`);
    }
    return readFileSync(resolveDataFile(ref), 'utf8');
  },
};

/** The path of a data file on disk. */
export function resolveDataFile(ref: DataRef): string {
  return path.join(BUILTIN_DATA_DIR, path.basename(ref.file));
}
