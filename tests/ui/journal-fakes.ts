import type { TabLocks } from '../../src/ui/state/edit-journal';

/** localStorage in memory: one per simulated browser profile, shared by its tabs. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

type Grant = (lock: Lock | null) => unknown;

/** Exclusive Web Locks in memory (request with or without ifAvailable), shared by the tabs of one test. */
export class MemoryLocks implements TabLocks {
  private readonly held = new Set<string>();
  private readonly waiting = new Map<string, (() => void)[]>();

  request(name: string, a: LockOptions | Grant, b?: Grant): Promise<never> {
    const options = typeof a === 'function' ? {} : a;
    const grant = (typeof a === 'function' ? a : b)!;
    if (this.held.has(name)) {
      if (options.ifAvailable) return Promise.resolve(grant(null)) as Promise<never>;
      return new Promise<void>((resolve) => this.queue(name, resolve)).then(() => this.run(name, grant)) as Promise<never>;
    }
    return this.run(name, grant) as Promise<never>;
  }

  private async run(name: string, grant: Grant): Promise<unknown> {
    this.held.add(name);
    try {
      return await grant({ name, mode: 'exclusive' } as Lock);
    } finally {
      this.held.delete(name);
      this.waiting.get(name)?.shift()?.();
    }
  }

  private queue(name: string, resolve: () => void): void {
    this.waiting.set(name, [...(this.waiting.get(name) ?? []), resolve]);
  }
}
