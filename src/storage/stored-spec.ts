import { PipelabError, SpecError } from '../core/errors';
import { restorePipeline, type RestoreOptions } from '../core/restore';
import type { PipelineSpec } from '../core/spec';
import { stepCatalog } from '../steps/catalog';

/**
 * A spec read from IndexedDB did not pass restore (a damaged row, or one no migration
 * reaches). The message names the pipeline, what was being read and the field; the row
 * is left as it is in storage.
 */
export class StoredSpecError extends PipelabError {
  constructor(
    readonly where: string,
    readonly specError: SpecError,
  ) {
    super(`${where} cannot be read: ${specError.message}. It is left untouched in storage; open an earlier version from History, or delete it.`);
  }
}

/** Restores a spec read from storage; `where` names it for the error ("the saved pipeline \"Iris\""). */
export type SpecReader = (raw: unknown, where: string) => PipelineSpec;

/**
 * The reader every storage read uses: the same restore (decode → migrate → fill defaults →
 * validate) as links and files, with pipelab's migrations unless `options` passes a table.
 */
export function specReader(options: RestoreOptions = {}): SpecReader {
  return (raw, where) => {
    try {
      return restorePipeline(raw, stepCatalog, options);
    } catch (err) {
      if (err instanceof SpecError) throw new StoredSpecError(where, err);
      throw err;
    }
  };
}

/** How an error message names a stored pipeline. */
export function pipelineLabel(name: unknown): string {
  return `the saved pipeline "${typeof name === 'string' ? name : 'without a name'}"`;
}
