import type { PipelineSpec } from '../../core/spec';

/** An edit not yet known to be in IndexedDB, as this tab last wrote it to the journal. */
export interface JournalEntry {
  readonly tabId: string;
  readonly pipelineId: string;
  readonly spec: PipelineSpec;
  /** The pipeline revision the edit was made on (the save's revision check uses it). */
  readonly baseRev: number;
  /** The edit was made on another tab's write (kept as a version when replaced). */
  readonly keepBase: boolean;
}

/** The parts of the Web Locks API the journal uses. */
export type TabLocks = Pick<LockManager, 'request'>;

const KEY_PREFIX = 'pipelab:unsaved:';
const LOCK_PREFIX = 'pipelab:tab:';

/**
 * A synchronous journal of the edit this tab has not saved yet, in localStorage:
 * written on every edit, removed once the save landed. An IndexedDB write cannot
 * finish after the page is gone (reload, navigation, crash), but a localStorage
 * write is done when the call returns, so the next page to load finds the edit
 * and saves it. Each tab holds a Web Lock named after it for its whole life; an
 * entry is recovered only under its tab's lock, so never while that tab still lives.
 */
export class EditJournal {
  private release: (() => void) | null = null;
  /** Entries of other tabs this one waits to recover (when their tab's lock frees). */
  private readonly awaited = new Set<string>();

  constructor(
    readonly tabId: string,
    private readonly storage: Storage | null = defaultStorage(),
    private readonly locks: TabLocks | null = globalThis.navigator?.locks ?? null,
  ) {}

  /** Takes this tab's lock until `close` (or until the page goes). */
  hold(): void {
    if (!this.locks || this.release) return;
    const held = new Promise<void>((resolve) => (this.release = resolve));
    void this.locks.request(LOCK_PREFIX + this.tabId, () => held).catch(() => undefined);
  }

  /** Lets the lock go (tests, teardown). */
  close(): void {
    this.release?.();
  }

  /** Records the latest unsaved edit; returns false when the journal cannot be written (no storage, full). */
  write(entry: Omit<JournalEntry, 'tabId'>): boolean {
    try {
      this.storage?.setItem(KEY_PREFIX + this.tabId, JSON.stringify({ ...entry, tabId: this.tabId }));
      return Boolean(this.storage);
    } catch {
      return false;
    }
  }

  /** Forgets this tab's entry (its edit is saved). */
  clear(): void {
    try {
      this.storage?.removeItem(KEY_PREFIX + this.tabId);
    } catch {
      // Nothing to do: a stale entry is saved again harmlessly (same writer, same spec).
    }
  }

  /**
   * Hands every entry left by a tab that is gone to `recover`, then removes it (kept
   * when `recover` answers false, to try again on the next load). An entry whose tab
   * may still be closing is recovered as soon as that tab's lock is free.
   */
  async recoverOrphans(recover: (entry: JournalEntry) => Promise<boolean>): Promise<void> {
    for (const key of this.foreignKeys()) {
      const lock = LOCK_PREFIX + key.slice(KEY_PREFIX.length);
      const take = () => this.recoverKey(key, recover);
      if (!this.locks) {
        await take();
        continue;
      }
      const done = await this.locks.request(lock, { ifAvailable: true }, async (held) => (held ? (await take(), true) : false));
      if (!done) this.await(key, recover);
    }
  }

  /**
   * Follows other tabs' journal writes (storage events) while this tab lives: each
   * such entry is recovered as soon as its tab is gone, if that tab did not save it
   * first (a tab closed right after an edit). Returns the function that stops it.
   */
  watch(recover: (entry: JournalEntry) => Promise<boolean>): () => void {
    if (!this.locks || typeof globalThis.addEventListener !== 'function') return () => undefined;
    const onStorage = (e: StorageEvent) => {
      const ours = e.key === KEY_PREFIX + this.tabId;
      if (e.storageArea === this.storage && e.key?.startsWith(KEY_PREFIX) && e.newValue !== null && !ours) this.await(e.key, recover);
    };
    globalThis.addEventListener('storage', onStorage);
    return () => globalThis.removeEventListener('storage', onStorage);
  }

  /** Recovers an entry once its tab's lock is free (at once when the tab is gone). */
  private await(key: string, recover: (entry: JournalEntry) => Promise<boolean>): void {
    if (!this.locks || this.awaited.has(key)) return;
    this.awaited.add(key);
    const lock = LOCK_PREFIX + key.slice(KEY_PREFIX.length);
    void this.locks
      .request(lock, () => this.recoverKey(key, recover))
      .catch(() => undefined)
      .finally(() => this.awaited.delete(key));
  }

  private foreignKeys(): string[] {
    const keys: string[] = [];
    for (let i = 0; this.storage && i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (key?.startsWith(KEY_PREFIX) && key !== KEY_PREFIX + this.tabId) keys.push(key);
    }
    return keys;
  }

  private async recoverKey(key: string, recover: (entry: JournalEntry) => Promise<boolean>): Promise<void> {
    const entry = parseEntry(this.storage?.getItem(key) ?? null);
    if (!entry || (await recover(entry))) this.storage?.removeItem(key);
  }
}

/** An entry read back, or null when it is missing or not of the journal's shape. */
export function parseEntry(text: string | null): JournalEntry | null {
  if (!text) return null;
  try {
    const e = JSON.parse(text) as Partial<JournalEntry> | null;
    const spec = e?.spec as Partial<PipelineSpec> | undefined;
    const ok = typeof e?.tabId === 'string' && typeof e.pipelineId === 'string' && Number.isInteger(e.baseRev) &&
      spec?.format === 'pipelab/pipeline' && Array.isArray(spec.steps);
    return ok ? { tabId: e.tabId!, pipelineId: e.pipelineId!, spec: spec as PipelineSpec, baseRev: e.baseRev!, keepBase: e.keepBase === true } : null;
  } catch {
    return null;
  }
}

function defaultStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // Storage blocked by the browser's settings.
  }
}
