// The app's settings remembered in IndexedDB: the backend, the calibration of Auto, auto-run
// and presentation mode. A read that fails gives the default; a write that fails is ignored
// (the choice still holds for this page).
import type { Calibration } from '../../engine/calibration';
import { presentRequested } from '../../share/location';
import type { PipelabDb } from '../../storage/db';
import { getSetting, setSetting } from '../../storage/settings-repo';
import type { BackendChoice } from '../../worker/engine-api';

/** The remembered settings the app starts with. */
export interface AppSettings {
  readonly backend: BackendChoice;
  readonly calibration: Calibration | null;
  readonly autoRun: boolean;
  /** Presentation mode: remembered, or asked for by `?present` in the address. */
  readonly present: boolean;
}

/** Reads the settings (each one's default where it cannot be read). */
export async function readSettings(db: PipelabDb): Promise<AppSettings> {
  const read = <T>(key: string, fallback: T) => getSetting<T>(db, key, fallback).catch(() => fallback);
  return {
    backend: await read<BackendChoice>('backend', 'auto'),
    calibration: await read<Calibration | null>('calibration', null),
    autoRun: await read('autoRun', false),
    present: presentRequested() || (await read('present', false)),
  };
}

/** Remembers a setting; a failed write is ignored. */
export async function remember(db: PipelabDb, key: 'backend' | 'calibration' | 'autoRun' | 'present', value: unknown): Promise<void> {
  await setSetting(db, key, value).catch(() => undefined);
}
