import type { PipelineState } from '../core/state';
import type { RecordedTraining } from './training-replay';

/** A step output kept for reuse, with its hash (and a model step's training replay, outside the key and the hash). */
export interface CachedOutput {
  readonly state: PipelineState;
  readonly outputHash: string;
  readonly replay?: RecordedTraining;
}

/** Where the engine keeps step outputs by cache key, so unchanged steps are not re-run. */
export interface StepCache {
  get(key: string): CachedOutput | undefined;
  set(key: string, value: CachedOutput): void;
}

/** Default memory bound of a cache: outputs beyond it are evicted, least recently used first. */
export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * An in-memory cache bounded by entry count and by the bytes its outputs hold
 * (typed arrays counted by size; outputs that share arrays are counted once per
 * entry, so the bound errs on the safe side). Least recently used entries go first.
 */
export class MemoryStepCache implements StepCache {
  private readonly entries = new Map<string, { value: CachedOutput; bytes: number }>();
  private total = 0;

  constructor(
    private readonly capacity = 64,
    private readonly maxBytes = DEFAULT_CACHE_BYTES,
  ) {}

  /** The output stored under `key`, marking it recently used. */
  get(key: string): CachedOutput | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  /** Stores an output, evicting the oldest entries while over the count or byte bound. */
  set(key: string, value: CachedOutput): void {
    this.remove(key);
    const bytes = estimateBytes(value.state) + (value.replay?.bytes ?? 0);
    if (bytes > this.maxBytes) return; // too big to keep at all
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    while (this.entries.size > this.capacity || this.total > this.maxBytes) this.remove(this.entries.keys().next().value as string);
  }

  /** Number of entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** Bytes the held outputs account for. */
  get bytes(): number {
    return this.total;
  }

  private remove(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.total -= old.bytes;
  }
}

/** Approximate memory of a state: the bytes of every typed array in it, plus a little per object. */
export function estimateBytes(value: unknown, seen = new Set<unknown>()): number {
  if (value === null || typeof value !== 'object' || seen.has(value)) return 0;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return value.byteLength;
  let sum = 64;
  for (const v of Object.values(value as Record<string, unknown>)) sum += typeof v === 'string' ? v.length * 2 : estimateBytes(v, seen);
  return sum;
}
