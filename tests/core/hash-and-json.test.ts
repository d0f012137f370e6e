import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonical-json';
import { hashValue, sha256Hex } from '../../src/core/hash';
import { sha256HexSync } from '../../src/core/sha256';

/** SHA-256 straight from WebCrypto, the reference the faster paths must agree with. */
async function webCryptoHex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bytes that differ from position to position and from length to length. */
function sampleBytes(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 131 + length * 7 + (i >> 8)) & 255);
}

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

  it('gives WebCrypto\'s digest for small inputs (hashed in JavaScript) and large ones alike', async () => {
    for (const length of [0, 1, 1000, 16 * 1024, 16 * 1024 + 1, 200_000]) {
      const bytes = sampleBytes(length);
      expect(await sha256Hex(bytes), `${length} bytes`).toBe(await webCryptoHex(bytes));
    }
  });
});

describe('sha256HexSync', () => {
  it('agrees with WebCrypto at every length around the block and padding boundaries', async () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = sampleBytes(length);
      expect(sha256HexSync(bytes), `${length} bytes`).toBe(await webCryptoHex(bytes));
    }
  });

  it('agrees with WebCrypto on a view into a larger buffer and on a long input', async () => {
    const view = sampleBytes(5000).subarray(3, 4003);
    expect(sha256HexSync(view)).toBe(await webCryptoHex(view.slice()));
    const long = sampleBytes(100_003);
    expect(sha256HexSync(long)).toBe(await webCryptoHex(long));
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
