import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { StoredDatasetRow, StoredHead, StoredModel, StoredPipeline, StoredRun, StoredSetting, StoredSweep, StoredVersion } from './records';
import { summarizeRun } from './run-summary';
import type { StoredBoard } from '../class/board-record';
import type { RestoreOptions } from '../core/restore';
import { specReader, type SpecReader } from './stored-spec';

/** The database name the app uses. */
export const DB_NAME = 'pipelab';

/** Schema version 1: pipelines, versions, runs (each run holding its whole view), settings. */
export const SCHEMA_V1 = {
  pipelines: 'id, updatedAt, deletedAt',
  versions: '[pipelineId+hash], pipelineId, createdAt',
  runs: 'id, pipelineId, [pipelineId+createdAt]',
  settings: 'key',
};

/** Schema version 2: runs gain a summary (and an index by version); data sets and models get tables. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  runs: 'id, pipelineId, [pipelineId+createdAt], versionHash',
  datasets: 'hash',
  models: 'runId',
};

/** Schema version 3: sweeps get a table (a queue that survives reloads); data sets get an index by name. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  datasets: 'hash, name',
  sweeps: 'id, pipelineId, status, createdAt',
};

/**
 * Schema version 4, to make a version cheap to store (README, Performance: IndexedDB growth
 * over 1,000 versions, before and after): each pipeline's head version moves out of its row
 * into `heads`, so recording a version no longer rewrites the pipeline row with its spec; and
 * versions lose their `pipelineId` and `createdAt` indexes (each cost an entry per version
 * holding the whole primary key): a pipeline's versions are a range of the primary key.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  versions: '[pipelineId+hash]',
  heads: 'pipelineId',
};

/** Schema version 5: class boards (an assignment's handed-in result codes), by assignment id. Nothing else changes. */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  classBoards: 'id, pipelineId, updatedAt',
};

/** Constructor options for Dexie (tests pass fake-indexeddb here). */
export type DbOptions = ConstructorParameters<typeof Dexie>[1];

/** pipelab's IndexedDB database. Only storage/ uses it. */
export class PipelabDb extends Dexie {
  pipelines!: EntityTable<StoredPipeline, 'id'>;
  versions!: Table<StoredVersion, [string, string]>;
  runs!: EntityTable<StoredRun, 'id'>;
  datasets!: EntityTable<StoredDatasetRow, 'hash'>;
  models!: EntityTable<StoredModel, 'runId'>;
  settings!: EntityTable<StoredSetting, 'key'>;
  sweeps!: EntityTable<StoredSweep, 'id'>;
  heads!: EntityTable<StoredHead, 'pipelineId'>;
  classBoards!: EntityTable<StoredBoard, 'id'>;
  /** Restores every spec read back (the storage read functions call it); tests may pass their own migrations. */
  readonly readSpec: SpecReader;

  constructor(name = DB_NAME, options?: DbOptions, restore?: RestoreOptions) {
    super(name, options);
    this.readSpec = specReader(restore);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table('runs')
          .toCollection()
          .modify((run: StoredRun & { summary?: unknown }) => {
            if (!run.summary) (run as { summary: unknown }).summary = summarizeRun(run.view.record);
          });
      });
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4).upgrade(moveHeadsOut);
    this.version(5).stores(SCHEMA_V5);
  }
}

/** The v3→v4 upgrade: every pipeline's `headVersion` becomes a `heads` row and leaves the pipeline row. */
async function moveHeadsOut(tx: Transaction): Promise<void> {
  const heads: StoredHead[] = [];
  await tx
    .table('pipelines')
    .toCollection()
    .modify((row: StoredPipeline & { headVersion?: string | null }) => {
      if (typeof row.headVersion === 'string') heads.push({ pipelineId: row.id, hash: row.headVersion });
      delete row.headVersion;
    });
  await tx.table('heads').bulkPut(heads);
}
