// Node hashes with its crypto module instead of WebCrypto: every digest must stay the same.
import { afterEach, describe, expect, it } from 'vitest';
import { hashValue, sha256Hex, useHostSha256 } from '../../src/core/hash';
import { nodeSha256, useNodeSha256 } from '../../src/cli/node-hash';

/** SHA-256 straight from WebCrypto, the reference. */
async function webCryptoHex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bytes that differ from position to position and from length to length. */
function sampleBytes(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 131 + length * 7 + (i >> 8)) & 255);
}

afterEach(() => useHostSha256(null));

describe('nodeSha256', () => {
  it("gives WebCrypto's digest at every length around SHA-256's block size, and for long inputs and views", async () => {
    for (let length = 0; length <= 130; length++) expect(nodeSha256([sampleBytes(length)]), `${length} bytes`).toBe(await webCryptoHex(sampleBytes(length)));
    const long = sampleBytes(200_003);
    expect(nodeSha256([long])).toBe(await webCryptoHex(long));
    const view = sampleBytes(5000).subarray(3, 4003);
    expect(nodeSha256([view])).toBe(await webCryptoHex(view.slice()));
  });

  it('hashes parts as their concatenation', async () => {
    const whole = sampleBytes(1000);
    expect(nodeSha256([whole.subarray(0, 1), new Uint8Array(0), whole.subarray(1, 700), whole.subarray(700)])).toBe(await webCryptoHex(whole));
  });

  it('leaves sha256Hex and hashValue unchanged once installed', async () => {
    const state = { table: { columns: [{ name: 'x', values: Float64Array.of(1, NaN, 3) }] }, note: 'ü', rows: Int32Array.of(2, 0) };
    const before = [await sha256Hex('abc'), await sha256Hex(sampleBytes(70_000)), await hashValue(state)];
    useNodeSha256();
    expect([await sha256Hex('abc'), await sha256Hex(sampleBytes(70_000)), await hashValue(state)]).toEqual(before);
  });
});
