import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256Hasher, sha256Sync } from '../../src/core/sha256';
import { SYNC_HASH_BYTES, hashHeader, hashValue, sha256Hex, useHostSha256, useSmallSha256 } from '../../src/core/hash';
import { canonicalJson } from '../../src/core/canonical-json';
import { Prng } from '../../src/core/prng';

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) & 255);
const reference = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sha256Sync', () => {
  it('gives the standard digests (FIPS 180-4 examples)', () => {
    expect(sha256Sync([new TextEncoder().encode('abc')])).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Sync([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it("matches Node's crypto at every padding boundary and beyond", () => {
    for (const n of [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4099, 70001]) expect(sha256Sync([bytes(n)]), `${n} bytes`).toBe(reference(bytes(n)));
  });

  it('hashes the same however the input is cut into chunks', () => {
    const all = bytes(1000);
    for (const step of [1, 7, 63, 64, 65, 300]) {
      const hasher = new Sha256Hasher();
      for (let at = 0; at < all.length; at += step) hasher.update(all.subarray(at, at + step));
      expect(hasher.hex(), `chunks of ${step}`).toBe(reference(all));
    }
  });
});

describe('hash without a host hash', () => {
  it('gives the same digests in place (small inputs, as in the worker) as through WebCrypto (large ones, and all on the page)', async () => {
    useHostSha256(null);
    const sizes = [10, SYNC_HASH_BYTES, SYNC_HASH_BYTES + 1, 3 * SYNC_HASH_BYTES];
    for (const n of sizes) expect(await sha256Hex(bytes(n)), `${n} bytes, WebCrypto only`).toBe(reference(bytes(n)));
    useSmallSha256(sha256Sync);
    for (const n of sizes) expect(await sha256Hex(bytes(n)), `${n} bytes`).toBe(reference(bytes(n)));
    const small = { a: Float64Array.of(1, 2, 3), b: 'x' };
    const large = { a: new Float64Array(SYNC_HASH_BYTES), b: 'x' };
    const viaHost = async (v: unknown) => {
      useHostSha256((parts) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex'));
      try {
        return await hashValue(v);
      } finally {
        useHostSha256(null);
      }
    };
    expect(await hashValue(small)).toBe(await viaHost(small));
    expect(await hashValue(large)).toBe(await viaHost(large));
    useSmallSha256(null);
    expect(await hashValue(small)).toBe(await viaHost(small));
  });
});

/** hashValue's header as its format is documented: typed arrays and non-finite numbers described, then canonical JSON. */
function referenceHeader(value: unknown, chunks: Uint8Array[]): string {
  const describe = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      chunks.push(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      return { $typed: v.constructor.name, $length: (v as Float64Array).length, $chunk: chunks.length - 1 };
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return { $number: String(v) };
    if (Array.isArray(v)) return v.map(describe);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, describe((v as Record<string, unknown>)[k])]));
    return v;
  };
  return canonicalJson(describe(value));
}

describe('hashHeader', () => {
  it('writes the documented header in one pass, for nested states of every kind of value', () => {
    const rng = new Prng(7);
    const leaf = (): unknown => {
      const pick = rng.nextUint32() % 9;
      return [null, true, 'a "quoted" naïve ✓', -0, 1.5e-300, NaN, -Infinity, Float64Array.of(1, 2), Int32Array.of(3)][pick];
    };
    const tree = (depth: number): unknown => {
      if (depth === 0) return leaf();
      const n = rng.nextUint32() % 4;
      if (rng.nextUint32() % 2) return Array.from({ length: n }, () => tree(depth - 1));
      return Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${(rng.nextUint32() % 5) * 7 + i}`, tree(depth - 1)]).concat([['skipped', undefined]]));
    };
    for (let i = 0; i < 200; i++) {
      const value = tree(4);
      const [fast, slow]: Uint8Array[][] = [[], []];
      expect(hashHeader(value, fast)).toBe(referenceHeader(value, slow));
      expect(fast).toEqual(slow);
    }
  });

  it('names where a value JSON cannot hold is, as canonical JSON does', () => {
    expect(() => hashHeader({ a: [1, () => 2] }, [])).toThrow(/a\[1\]/);
    expect(() => hashHeader({ a: [undefined] }, [])).toThrow();
  });
});
