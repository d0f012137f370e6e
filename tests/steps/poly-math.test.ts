// The L-BFGS core's fast deterministic exp and log (src/steps/model/linear/poly-math.ts).
import { describe, expect, it } from 'vitest';
import { polyExp, polyLog } from '../../src/steps/model/linear/poly-math';

/** Largest relative difference from the engine's own function over the points. */
function worst(points: number[], mine: (x: number) => number, engine: (x: number) => number): number {
  return Math.max(...points.map((x) => Math.abs(mine(x) - engine(x)) / Math.abs(engine(x))));
}

const grid = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));

describe('polyExp', () => {
  it('is within 1e-15 (relative) of Math.exp from −700 to 700', () => {
    expect(worst(grid(-700, 700, 20001), polyExp, Math.exp)).toBeLessThan(1e-15);
    expect(worst(grid(-1, 1, 20001), polyExp, Math.exp)).toBeLessThan(1e-15);
  });

  it('handles the ends of the range', () => {
    expect(polyExp(0)).toBe(1);
    expect(polyExp(-Infinity)).toBe(0);
    expect(polyExp(-800)).toBe(0);
    expect(polyExp(710)).toBe(Infinity);
    expect(polyExp(Infinity)).toBe(Infinity);
    expect(polyExp(NaN)).toBeNaN();
    expect(polyExp(-744)).toBeGreaterThan(0);
  });
});

describe('polyLog', () => {
  it('is within 1e-15 (relative) of Math.log from 1e-300 to 1e300', () => {
    const points = grid(-300, 300, 20001).map((e) => 10 ** e).filter((x) => Math.abs(Math.log(x)) > 1e-3);
    expect(worst(points, polyLog, Math.log)).toBeLessThan(1e-15);
    expect(worst(grid(1.001, 20, 20001), polyLog, Math.log)).toBeLessThan(1e-15);
  });

  it('handles zero, negatives, infinity and subnormals', () => {
    expect(polyLog(1)).toBe(0);
    expect(polyLog(0)).toBe(-Infinity);
    expect(polyLog(-1)).toBeNaN();
    expect(polyLog(NaN)).toBeNaN();
    expect(polyLog(Infinity)).toBe(Infinity);
    expect(Math.abs(polyLog(5e-324) - Math.log(5e-324))).toBeLessThan(1e-12);
  });
});
