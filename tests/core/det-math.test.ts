import { describe, expect, it } from 'vitest';
import { detCos, detExp, detLog, detSin } from '../../src/core/det-math';

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

describe('deterministic elementary functions', () => {
  it('agree with Math to about 1e-15 over wide ranges', () => {
    for (let i = -2000; i <= 2000; i++) {
      const x = i * 0.0173;
      expect(relErr(detExp(x), Math.exp(x))).toBeLessThan(4e-15);
      expect(Math.abs(detSin(x) - Math.sin(x))).toBeLessThan(4e-15);
      expect(Math.abs(detCos(x) - Math.cos(x))).toBeLessThan(4e-15);
    }
    for (const x of [1e-300, 5e-324, 1e-10, 0.3, 0.999999, 1, 1.5, 2, 10, 1234.5678, 1e300]) {
      expect(Math.abs(detLog(x) - Math.log(x))).toBeLessThan(4e-15 * Math.max(1, Math.abs(Math.log(x))));
    }
  });

  it('handle the edges', () => {
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detLog(1)).toBe(0);
    expect(detExp(0)).toBe(1);
    expect(detExp(1000)).toBe(Infinity);
    expect(detExp(-1000)).toBe(0);
    expect(detSin(Infinity)).toBeNaN();
  });

  it('pin exact bits for a few inputs (they must be the same in every engine)', () => {
    const bits = (v: number) => Buffer.from(Float64Array.of(v).buffer).toString('hex');
    // Pinned in Node; the browser golden tests check the same pipelines give the same hashes there.
    expect(bits(detExp(0.5))).toBe('9b061e8e2961fa3f');
    expect(bits(detLog(10))).toBe('1655b5bbb16b0240');
    expect(bits(detSin(1))).toBe('ee0c098f54edea3f');
    expect(bits(detCos(1))).toBe('8b06b50f284ae13f');
  });
});
