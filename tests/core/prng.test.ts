import { describe, expect, it } from 'vitest';
import { Prng, deriveSeed } from '../../src/core/prng';

describe('Prng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const seqA = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('draws uniform floats in [0, 1) with the right mean and normals with mean 0 and sd 1', () => {
    const r = new Prng(7);
    const u = Array.from({ length: 20000 }, () => r.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(mean(u)).toBeCloseTo(0.5, 1);
    const n = Array.from({ length: 20000 }, () => r.normal());
    expect(mean(n)).toBeCloseTo(0, 1);
    expect(Math.sqrt(mean(n.map((x) => x * x)))).toBeCloseTo(1, 1);
  });

  it('makes permutations that hold every index once', () => {
    const p = new Prng(1).permutation(100);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

describe('deriveSeed', () => {
  it('depends on the pipeline seed and the step id only', () => {
    expect(deriveSeed(42, 'model')).toBe(deriveSeed(42, 'model'));
    expect(deriveSeed(42, 'model')).not.toBe(deriveSeed(43, 'model'));
    expect(deriveSeed(42, 'model')).not.toBe(deriveSeed(42, 'split'));
  });

  it('never returns 0 and gives distinct seeds to many ids', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => deriveSeed(0, `step-${i}`)));
    expect(seeds.size).toBe(1000);
    expect(seeds.has(0)).toBe(false);
  });
});

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
