import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { PipelabDb } from '../../src/storage/db';

/** A fresh, empty database of its own (a new fake IndexedDB factory per call). */
export function freshDb(name = 'pipelab-test'): { db: PipelabDb; factory: IDBFactory } {
  const factory = new IDBFactory();
  return { db: new PipelabDb(name, { indexedDB: factory, IDBKeyRange }), factory };
}
