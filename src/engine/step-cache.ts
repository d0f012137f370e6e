import type { PipelineState } from '../core/state';

/** A step output kept for reuse, with its hash. */
export interface CachedOutput {
  readonly state: PipelineState;
  readonly outputHash: string;
}

/** Where the engine keeps step outputs by cache key, so unchanged steps are not re-run. */
export interface StepCache {
  get(key: string): CachedOutput | undefined;
  set(key: string, value: CachedOutput): void;
}

/** An in-memory cache that forgets the least recently used entries beyond `capacity`. */
export class MemoryStepCache implements StepCache {
  private readonly entries = new Map<string, CachedOutput>();

  constructor(private readonly capacity = 64) {}

  /** The output stored under `key`, marking it recently used. */
  get(key: string): CachedOutput | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Stores an output, evicting the oldest entry when full. */
  set(key: string, value: CachedOutput): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Number of entries held. */
  get size(): number {
    return this.entries.size;
  }
}
