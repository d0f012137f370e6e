/** Storage usage as the browser reports it. */
export interface StorageInfo {
  readonly used: number;
  readonly quota: number;
  readonly persisted: boolean;
}

/**
 * How much browser storage the app uses and whether the browser keeps it persistently;
 * once something is saved, the browser is asked (once) to keep it.
 */
export class StorageCheck {
  /** The last reading (null: none yet, or the browser cannot tell). */
  info = $state<StorageInfo | null>(null);
  private api: StorageManager | undefined;
  private persistAsked = false;

  /** Where readings come from (navigator.storage; undefined: nothing is read, as in Node tests). */
  use(api: StorageManager | undefined): void {
    this.api = api;
  }

  /** Reads storage usage; with `saved`, asks the browser (once) to keep the data persistently. */
  async check(saved: boolean): Promise<void> {
    const storage = this.api;
    if (!storage?.estimate) return;
    try {
      const ask = saved && !this.persistAsked && Boolean(storage.persist);
      if (ask) this.persistAsked = true;
      const persisted = ask ? await storage.persist() : ((await storage.persisted?.()) ?? false);
      const { usage = 0, quota = 0 } = await storage.estimate();
      this.info = { used: usage, quota, persisted };
    } catch {
      this.info = null;
    }
  }
}
