import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonical-json';
import { hashValue, sha256Hex } from '../../src/core/hash';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 'x' }], c: undefined } })).toBe('{"a":{"d":[1,{"y":"x","z":0}]},"b":1}');
  });

  it('rejects values JSON cannot hold, naming where', () => {
    expect(() => canonicalJson({ a: [1, NaN] })).toThrow(/a\[1\] is NaN/);
    expect(() => canonicalJson({ z: { y: [0, undefined] }, a: 1 })).toThrow(/z\.y\[1\] is a undefined/);
    expect(() => canonicalJson([{ f: () => 0 }])).toThrow(/\[0\]\.f is a function/);
    expect(() => canonicalJson(Infinity)).toThrow(/value is Infinity/);
  });
});

describe('sha256Hex', () => {
  it('matches the published test vector', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('hashValue', () => {
  it('is independent of key order and sensitive to every typed-array bit', async () => {
    const a = await hashValue({ x: Float64Array.of(1, 2), y: 'k' });
    expect(await hashValue({ y: 'k', x: Float64Array.of(1, 2) })).toBe(a);
    expect(await hashValue({ x: Float64Array.of(1, 2 + 2 ** -51), y: 'k' })).not.toBe(a);
  });

  it('tells typed-array types and NaN apart', async () => {
    const f64 = await hashValue(new Float64Array(2));
    expect(await hashValue(new Float32Array(4))).not.toBe(f64);
    expect(await hashValue({ v: NaN })).not.toBe(await hashValue({ v: null }));
  });
});
