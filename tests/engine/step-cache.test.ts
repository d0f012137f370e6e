import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, type PipelineState } from '../../src/core/state';
import { numericColumn, makeTable } from '../../src/core/table';
import { MemoryStepCache, estimateBytes } from '../../src/engine/step-cache';

function stateOf(floats: number): PipelineState {
  return { ...EMPTY_STATE, table: makeTable([numericColumn('x', new Float64Array(floats))]) };
}

describe('MemoryStepCache', () => {
  it('counts the bytes of the typed arrays it holds', () => {
    expect(estimateBytes(stateOf(1000))).toBeGreaterThanOrEqual(8000);
    expect(estimateBytes(stateOf(1000))).toBeLessThan(9000);
  });

  it('evicts least recently used outputs when over its byte bound', () => {
    const cache = new MemoryStepCache(100, 30_000);
    cache.set('a', { state: stateOf(1000), outputHash: 'a' });
    cache.set('b', { state: stateOf(1000), outputHash: 'b' });
    cache.set('c', { state: stateOf(1000), outputHash: 'c' });
    expect(cache.get('a')?.outputHash).toBe('a'); // a is now the most recent
    cache.set('d', { state: stateOf(1000), outputHash: 'd' });
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => cache.get(k)?.outputHash)).toEqual(['a', 'c', 'd']);
    expect(cache.bytes).toBeLessThanOrEqual(30_000);
  });

  it('evicts by count too, and never keeps an output larger than the whole bound', () => {
    const cache = new MemoryStepCache(2, 1_000_000);
    cache.set('a', { state: stateOf(10), outputHash: 'a' });
    cache.set('b', { state: stateOf(10), outputHash: 'b' });
    cache.set('c', { state: stateOf(10), outputHash: 'c' });
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    cache.set('huge', { state: stateOf(200_000), outputHash: 'h' });
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
