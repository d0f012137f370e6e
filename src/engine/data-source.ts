import type { DataRef } from '../steps/step';

/** Reads the text of a data file; Node reads from disk, the worker fetches bundled files. */
export interface DataSource {
  load(ref: DataRef): Promise<string>;
}
