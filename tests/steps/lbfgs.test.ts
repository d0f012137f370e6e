// The generic L-BFGS minimiser and its Moré–Thuente line search (src/steps/model/linear/).
import { describe, expect, it } from 'vitest';
import { minimizeLbfgs, type Objective } from '../../src/steps/model/linear/lbfgs';
import { MoreThuenteSearch } from '../../src/steps/model/linear/line-search';

// Rosenbrock's valley: minimum 0 at (1, 1, …, 1), a classic test of quasi-Newton methods.
const rosenbrock: Objective = (x, g) => {
  let f = 0;
  g.fill(0);
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    g[i] += -400 * x[i] * a - 2 * b;
    g[i + 1] += 200 * a;
  }
  return f;
};

describe('minimizeLbfgs', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const x0 = Float64Array.from([-1.2, 1, -1.2, 1, -1.2, 1]);
    const result = minimizeLbfgs(rosenbrock, x0, { gtol: 1e-9, ftol: 0 });
    expect(result.stop).toBe('gradient');
    for (const v of result.x) expect(v).toBeCloseTo(1, 6);
    expect(Array.from(x0)).toEqual([-1.2, 1, -1.2, 1, -1.2, 1]);
  });

  it('solves a convex quadratic exactly', () => {
    // f = ½ xᵀAx − bᵀx with A = diag(1, 10, 100): minimum at x = b / diag(A).
    const diag = [1, 10, 100];
    const b = [3, -2, 5];
    const quadratic: Objective = (x, g) => {
      let f = 0;
      for (let i = 0; i < 3; i++) {
        f += 0.5 * diag[i] * x[i] * x[i] - b[i] * x[i];
        g[i] = diag[i] * x[i] - b[i];
      }
      return f;
    };
    const result = minimizeLbfgs(quadratic, new Float64Array(3), { gtol: 1e-12, ftol: 0 });
    expect(Array.from(result.x).map((v, i) => v - b[i] / diag[i]).every((e) => Math.abs(e) < 1e-10)).toBe(true);
  });

  it('gives up a line search after maxLineSearch evaluations and keeps the last good point', () => {
    // The reported gradient points uphill (the sign is wrong): no step along −g lowers f.
    const result = minimizeLbfgs((x, g) => ((g[0] = -2 * x[0]), x[0] * x[0]), Float64Array.from([3]), { maxLineSearch: 20 });
    expect(result.stop).toBe('line-search');
    expect(result.evaluations).toBe(21);
    expect(result.x[0]).toBe(3);
    expect(result.f).toBe(9);
  });

  it('returns at once from a stationary start', () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.from([1, 1]));
    expect(result.iterations).toBe(0);
    expect(result.evaluations).toBe(1);
    expect(result.stop).toBe('gradient');
  });
});

describe('MoreThuenteSearch', () => {
  it('accepts a step meeting the strong Wolfe conditions on a one-dimensional quadratic', () => {
    // φ(α) = (α − 3)²: φ(0) = 9, φ'(0) = −6; starting at α = 1 it must end near the minimiser 3.
    const tol = { ftol: 1e-3, gtol: 0.1, xtol: 0.1, stpmin: 0, stpmax: 100 };
    const search = new MoreThuenteSearch(1, 9, -6, tol);
    let status = 'evaluate';
    for (let i = 0; i < 20 && status === 'evaluate'; i++) {
      const a = search.step;
      status = search.next((a - 3) ** 2, 2 * (a - 3));
    }
    expect(status).toBe('converged');
    const a = search.step;
    expect((a - 3) ** 2).toBeLessThanOrEqual(9 - 1e-3 * a * 6);
    expect(Math.abs(2 * (a - 3))).toBeLessThanOrEqual(0.1 * 6);
  });

  it('refuses an ascent direction', () => {
    expect(new MoreThuenteSearch(1, 0, 1, { ftol: 1e-3, gtol: 0.9, xtol: 0.1, stpmin: 0, stpmax: 10 }).valid).toBe(false);
  });
});
