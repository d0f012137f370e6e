/** Raised by repository writes when the browser's storage quota is exhausted. */
export class StorageFullError extends Error {
  constructor() {
    super(
      'Storage is full, so this change was not saved. Everything saved before is intact. ' +
        'Free space by deleting old runs or pipelines, or export them to a file first.',
    );
    this.name = 'StorageFullError';
  }
}

/** Whether an error (from Dexie or IndexedDB) means the quota was exceeded. */
export function isQuotaError(err: unknown): boolean {
  let e = err as { name?: string; inner?: unknown } | null;
  for (let depth = 0; e && depth < 4; depth++) {
    if (e.name === 'QuotaExceededError') return true;
    e = e.inner as typeof e;
  }
  return false;
}

/** Runs a write; turns a quota failure into StorageFullError (the transaction rolled back, so nothing is half-written). */
export async function guardedWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isQuotaError(err)) throw new StorageFullError();
    throw err;
  }
}
