import { withUserData, type DataSource } from '../engine/data-source';
import type { DataRef } from '../steps/step';
import { PipelabDb } from '../storage/db';
import { getDataset, hasDataset } from '../storage/datasets-repo';
import type { DataOptions } from './engine-api';
import { storedText } from './preview-file';

/** The data source of one run: the texts it was given, else the app's database, else bundled files only. */
export function runDataSource(base: DataSource, data: DataOptions | undefined): DataSource {
  if (data?.userData && Object.keys(data.userData).length > 0) return withUserData(base, data.userData);
  return data?.dataDb ? withStoredData(base, data.dataDb) : withUserData(base, {});
}

/**
 * Adds the user's imported files to a data source, read by content hash from the
 * app's IndexedDB database inside the worker: a large file never passes through
 * the page's thread (reading tens of megabytes there would freeze the page).
 */
export function withStoredData(base: DataSource, dbName: string): DataSource {
  return {
    async load(ref: DataRef): Promise<string> {
      if (ref.origin !== 'user') return base.load(ref);
      const db = new PipelabDb(dbName);
      try {
        const kept = storedText(ref.file); // stored by this worker just now: checked to be there, not read back
        if (kept !== undefined && (await hasDataset(db, ref.file))) return kept;
        const row = await getDataset(db, ref.file);
        if (!row) throw new Error(`the data set "${ref.name ?? 'imported file'}" (content ${ref.file.slice(0, 12)}…) is not in this browser: import that file first`);
        return row.text;
      } finally {
        db.close();
      }
    },
  };
}
