import { describe, expect, it } from 'vitest';
import { distinctNumbers } from '../../src/core/distinct-numbers';
import { Prng } from '../../src/core/prng';

/** The answer by the obvious means: a Set of the present values (Set counts 0 and -0 as one). */
function bySet(values: Float64Array): { distinct: number; missing: number } {
  const present = [...values].filter((v) => !Number.isNaN(v));
  return { distinct: new Set(present).size, missing: values.length - present.length };
}

describe('distinctNumbers', () => {
  it('counts like a Set on large columns of decimals, repeats, whole numbers and missing values', () => {
    const rng = new Prng(7);
    const columns = [
      Float64Array.from({ length: 200_000 }, () => Number((rng.nextUint32() / 2 ** 32 * 200 - 100).toFixed(3))),
      Float64Array.from({ length: 100_000 }, () => rng.nextUint32() % 5000),
      Float64Array.from({ length: 50_000 }, () => (rng.nextUint32() % 10 === 0 ? NaN : rng.nextUint32() % 40_000 - 20_000)),
      Float64Array.from({ length: 30_000 }, (_, i) => 2 ** (i % 1100) * (i % 2 ? -1 : 1)),
    ];
    for (const values of columns) expect(distinctNumbers(values)).toEqual(bySet(values));
  });

  it('counts 0 and -0 as one value, skips NaN, and handles empty and all-missing columns', () => {
    expect(distinctNumbers(Float64Array.from([0, -0, 0, NaN, 1, -1, 1]))).toEqual({ distinct: 3, missing: 1 });
    expect(distinctNumbers(new Float64Array(0))).toEqual({ distinct: 0, missing: 0 });
    expect(distinctNumbers(new Float64Array(5).fill(NaN))).toEqual({ distinct: 0, missing: 5 });
    expect(distinctNumbers(Float64Array.from([1e308, -1e308, 5e-324, Number.MIN_VALUE, Number.EPSILON]))).toEqual({ distinct: 4, missing: 0 });
  });

  it('counts a column that is a view into a larger buffer by its own values only', () => {
    const buffer = Float64Array.from([9, 9, 1, 2, 2, 3, 9]);
    expect(distinctNumbers(buffer.subarray(2, 6))).toEqual({ distinct: 3, missing: 0 });
  });
});
