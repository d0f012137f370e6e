import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, vi } from 'vitest';
import type { RunRecord } from '../../src/engine/run-record';
import type { RunView } from '../../src/engine/run-view';
import { PipelabDb } from '../../src/storage/db';

/** A fresh, empty database of its own (a new fake IndexedDB factory per call). */
export function freshDb(name = 'pipelab-test'): { db: PipelabDb; factory: IDBFactory } {
  const factory = new IDBFactory();
  return { db: new PipelabDb(name, { indexedDB: factory, IDBKeyRange }), factory };
}

/**
 * A fresh database that code opening one by name (as the worker does: `new PipelabDb(name)`)
 * also finds: the fake factory is made the global indexedDB and Dexie's. Undo with `vi.unstubAllGlobals()`.
 */
export function workerDb(name: string): PipelabDb {
  const made = freshDb(name);
  vi.stubGlobal('indexedDB', made.factory);
  Dexie.dependencies.indexedDB = made.factory;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  return made.db;
}

/** A run view holding only a record (for storage tests that do not need charts). */
export function bareView(record: RunRecord): RunView {
  return { record, evaluation: null, regression: null, boundary: null, stepViews: {}, digests: {}, generatedData: [] };
}

/** A maker of fresh databases for one test file; each is closed after the test that made it. */
export function databasesPerTest(): () => PipelabDb {
  const open: PipelabDb[] = [];
  afterEach(() => open.splice(0).forEach((d) => d.close()));
  return () => {
    const d = freshDb().db;
    open.push(d);
    return d;
  };
}
