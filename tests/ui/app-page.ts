import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, vi } from 'vitest';
import type { PipelabDb } from '../../src/storage/db';
import { AppState } from '../../src/ui/state/app.svelte';
import { freshDb } from '../storage/helpers';
import { standInEngine, standInPool, type StandIn } from './engine-stand-in';

// A page load of the app for Node tests: AppState on a fake IndexedDB with a stand-in engine
// (tests/ui/engine-stand-in.ts). Everything a test makes is closed after it.

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  vi.unstubAllGlobals();
});

/** Waits for a state to be reached (a run ending, a save landing); never for a duration. */
export const until = (check: () => unknown | Promise<unknown>) => vi.waitFor(async () => expect(await check()).toBeTruthy(), { timeout: 30_000, interval: 20 });

/** A fresh database, closed after the test (Dexie's liveQuery follows it through the global indexedDB). */
export function database(): PipelabDb {
  const { db, factory } = freshDb();
  // Dexie's liveQuery only runs its queries when a global indexedDB exists (Dexie issue #2046).
  vi.stubGlobal('indexedDB', factory);
  Dexie.dependencies.indexedDB = factory;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  cleanups.push(() => db.close());
  return db;
}

/** An app (a page load) on `db` with a stand-in engine, started (`init`) without storage API, or on a share link. */
export async function page(db: PipelabDb, engine: StandIn = standInEngine(), shareFragment: string | null = null) {
  const app = new AppState(db, { client: engine.client, pool: () => standInPool().pool });
  cleanups.push(() => {
    app.workspace.dispose();
    app.lab.dispose();
    app.sweep.dispose();
  });
  await app.init(undefined, shareFragment);
  return { app, engine };
}
