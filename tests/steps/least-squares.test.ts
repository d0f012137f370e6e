// The exact float64 least-squares solver behind model.linear-regression.
import { describe, expect, it } from 'vitest';
import { fitLeastSquares } from '../../src/steps/model/linear/least-squares';

// y = 3 + 2a − 5b on rows 0–5; rows 6 and 7 hold garbage that must not be used.
const a = Float64Array.from([0, 1, 2, 3, 4, 5, 1e6, -3]);
const b = Float64Array.from([1, 0, 2, 1, 3, -1, 42, 1e5]);
const y = Float64Array.from([0, 1, 2, 3, 4, 5].map((i) => 3 + 2 * a[i] - 5 * b[i]).concat([-7e7, 9e9]));
const rows = Int32Array.from([0, 1, 2, 3, 4, 5]);

function predict(columns: readonly Float64Array[], coef: Float64Array, intercept: number, row: number): number {
  return columns.reduce((sum, col, p) => sum + coef[p] * col[row], intercept);
}

describe('fitLeastSquares', () => {
  it('recovers the coefficients and intercept of noiseless data', () => {
    const { coef, intercept } = fitLeastSquares([a, b], y, rows, 0, true);
    expect(coef).toHaveLength(2);
    expect(coef[0]).toBeCloseTo(2, 9);
    expect(coef[1]).toBeCloseTo(-5, 9);
    expect(intercept).toBeCloseTo(3, 9);
  });

  it('uses only the given rows', () => {
    // Rows in another order and a subset of them give the same exact fit; the garbage rows
    // 6 and 7 would pull it far off if they were read.
    const some = Int32Array.from([5, 0, 3, 2]);
    const { coef, intercept } = fitLeastSquares([a, b], y, some, 0, true);
    expect(coef[0]).toBeCloseTo(2, 9);
    expect(coef[1]).toBeCloseTo(-5, 9);
    expect(intercept).toBeCloseTo(3, 9);
  });

  it('fits through the origin when fitIntercept is false', () => {
    const noOffset = Float64Array.from(y, (v, i) => v - 3 * Number(i < 6));
    const { coef, intercept } = fitLeastSquares([a, b], noOffset, rows, 0, false);
    expect(intercept).toBe(0);
    expect(coef[0]).toBeCloseTo(2, 9);
    expect(coef[1]).toBeCloseTo(-5, 9);
  });

  it('matches the closed form of one-feature ridge, without penalising the intercept', () => {
    // x = 1, 2, 3, 4; t = 2x + 1 → centred Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5, Sxy = 2·Sxx = 10.
    // Ridge coef = Sxy / (Sxx + α) = 10 / (5 + 5) = 1; intercept = mean(t) − coef·mean(x) = 6 − 2.5 = 3.5.
    const x = Float64Array.from([1, 2, 3, 4]);
    const t = Float64Array.from([3, 5, 7, 9]);
    const { coef, intercept } = fitLeastSquares([x], t, [0, 1, 2, 3], 5, true);
    expect(coef[0]).toBeCloseTo(1, 12);
    expect(intercept).toBeCloseTo(3.5, 12);
  });

  it('shrinks coefficients towards 0 as the ridge penalty grows', () => {
    const norm = (alpha: number) => {
      const { coef } = fitLeastSquares([a, b], y, rows, alpha, true);
      return Math.hypot(...coef);
    };
    const plain = norm(0);
    const some = norm(10);
    const huge = norm(1e9);
    expect(some).toBeLessThan(plain);
    expect(huge).toBeLessThan(some);
    expect(huge).toBeLessThan(1e-6);
    // With every weight ≈ 0, the intercept is the mean of the target on the given rows.
    const { intercept } = fitLeastSquares([a, b], y, rows, 1e9, true);
    const meanY = [...rows].reduce((s, r) => s + y[r], 0) / rows.length;
    expect(intercept).toBeCloseTo(meanY, 4);
  });

  it('survives a duplicated column and still fits every row', () => {
    const columns = [a, b, Float64Array.from(a)];
    const { coef, intercept } = fitLeastSquares(columns, y, rows, 0, true);
    for (const c of coef) expect(Number.isFinite(c)).toBe(true);
    expect(coef[0] + coef[2]).toBeCloseTo(2, 9); // the copies share a's weight between them
    expect(coef[1]).toBeCloseTo(-5, 9);
    for (const r of rows) expect(predict(columns, coef, intercept, r)).toBeCloseTo(y[r], 8);
  });

  it('survives a constant column, giving it weight 0', () => {
    const constant = new Float64Array(a.length).fill(7);
    const columns = [a, constant, b];
    const { coef, intercept } = fitLeastSquares(columns, y, rows, 0, true);
    expect(coef[1]).toBe(0);
    expect(coef[0]).toBeCloseTo(2, 9);
    expect(coef[2]).toBeCloseTo(-5, 9);
    expect(intercept).toBeCloseTo(3, 9);
    for (const r of rows) expect(predict(columns, coef, intercept, r)).toBeCloseTo(y[r], 8);
  });

  it('gives weight 0 to an all-zero column even without an intercept', () => {
    const zeros = new Float64Array(a.length);
    const noOffset = Float64Array.from(y, (v, i) => v - 3 * Number(i < 6));
    const { coef } = fitLeastSquares([zeros, a, b], noOffset, rows, 0, false);
    expect(coef[0]).toBe(0);
    expect(coef[1]).toBeCloseTo(2, 9);
    expect(coef[2]).toBeCloseTo(-5, 9);
  });
});
