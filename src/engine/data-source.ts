import type { DataRef } from '../steps/step';

/** Reads the text of a data file; Node reads from disk, the worker fetches bundled files. */
export interface DataSource {
  load(ref: DataRef): Promise<string>;
}

/**
 * Adds the user's imported files (by content hash) to a data source. A missing
 * one is an error that names the file and says how to supply it.
 */
export function withUserData(base: DataSource, texts: Readonly<Record<string, string>>): DataSource {
  return {
    async load(ref: DataRef): Promise<string> {
      if (ref.origin !== 'user') return base.load(ref);
      const text = texts[ref.file];
      if (text === undefined) throw new Error(`the data set "${ref.name ?? 'imported file'}" (content ${ref.file.slice(0, 12)}…) is not here: import that file first`);
      return text;
    },
  };
}
