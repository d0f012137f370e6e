import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256Hasher, sha256Sync } from '../../src/core/sha256';
import { SYNC_HASH_BYTES, hashValue, sha256Hex, useHostSha256 } from '../../src/core/hash';

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
  it('gives the same digests in place (small inputs) as through WebCrypto (large ones)', async () => {
    useHostSha256(null);
    for (const n of [10, SYNC_HASH_BYTES, SYNC_HASH_BYTES + 1, 3 * SYNC_HASH_BYTES]) expect(await sha256Hex(bytes(n)), `${n} bytes`).toBe(reference(bytes(n)));
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
  });
});
