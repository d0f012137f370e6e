// The incremental SHA-256 gives the digests node:crypto gives, however the bytes are split.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';
import { Sha256 } from '../../src/core/sha256';

const reference = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('Sha256', () => {
  it('hashes the standard test strings', () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    expect(new Sha256().hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(new Sha256().update(utf8('abc')).hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(new Sha256().update(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).hex()).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with node:crypto on seeded random data split at random points, every length near the block edges', () => {
    const rng = new Prng(256);
    for (let k = 0; k < 300; k++) {
      const n = k < 140 ? k : rng.nextUint32() % 5000;
      const bytes = Uint8Array.from({ length: n }, () => rng.nextUint32() & 255);
      const hash = new Sha256();
      for (let at = 0; at < n; ) {
        const step = 1 + (rng.nextUint32() % 200);
        hash.update(bytes.subarray(at, at + step));
        at += step;
      }
      expect(hash.hex(), `${n} bytes`).toBe(reference(bytes));
    }
  });
});
