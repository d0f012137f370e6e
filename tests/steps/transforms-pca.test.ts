// transform.polynomial and transform.pca: column order, values, and PCA's algebra on toy and real data.
import { describe, expect, it } from 'vitest';
import { hashValue } from '../../src/core/hash';
import { termCount, productTerms } from '../../src/steps/transform/polynomial';
import type { PcaFit } from '../../src/steps/transform/pca';
import { doc, run, spec } from '../helpers';
import { num, names, runKind, stateOf, values } from './transform-harness';

const abc = () => stateOf([num('a', [2, 1]), num('b', [3, 0]), num('c', [5, -1]), num('t', [0, 1])], 't');

describe('transform.polynomial', () => {
  it('degree 2 adds the products in scikit-learn\'s order, before the target', async () => {
    const out = await runKind('transform.polynomial', abc());
    expect(names(out.table)).toEqual(['a', 'b', 'c', 'a^2', 'a*b', 'a*c', 'b^2', 'b*c', 'c^2', 't']);
    // Row 0: a = 2, b = 3, c = 5.
    expect(out.table!.columns.slice(0, 9).map((c) => (c.type === 'numeric' ? c.values[0] : NaN))).toEqual([2, 3, 5, 4, 6, 10, 9, 15, 25]);
    expect(values(out.table, 'b*c')).toEqual([15, -0]);
  });

  it('interaction only leaves out the powers; degree 3 adds the triple product', async () => {
    const two = await runKind('transform.polynomial', abc(), { interactionOnly: true });
    expect(names(two.table)).toEqual(['a', 'b', 'c', 'a*b', 'a*c', 'b*c', 't']);
    const three = await runKind('transform.polynomial', abc(), { interactionOnly: true, degree: 3 });
    expect(names(three.table).slice(6)).toEqual(['a*b*c', 't']);
    expect(values(three.table, 'a*b*c')).toEqual([30, -0]);
    const full = await runKind('transform.polynomial', abc(), { degree: 3 });
    expect(names(full.table).slice(9, 19)).toEqual(['a^3', 'a^2*b', 'a^2*c', 'a*b^2', 'a*b*c', 'a*c^2', 'b^3', 'b^2*c', 'b*c^2', 'c^3']);
    expect(values(full.table, 'a^2*b')[0]).toBe(12);
  });

  it('counts its terms like scikit-learn and refuses more than 2000 columns', async () => {
    expect(termCount(3, 3, false)).toBe(productTerms(3, 3, false).length);
    expect(termCount(10, 3, true)).toBe(45 + 120);
    const wide = stateOf([...Array.from({ length: 63 }, (_, i) => num(`x${i}`, [i])), num('t', [0])], 't');
    // 63 columns: 63 + 2016 = 2079 columns; 62 columns: 62 + 1953 = 2015; both too many. Interactions only: 63 + 1953 = 2016.
    await expect(runKind('transform.polynomial', wide)).rejects.toThrow(/2079 columns/);
    await expect(runKind('transform.polynomial', wide, { interactionOnly: true })).rejects.toThrow(/2016 columns/);
    const ok = await runKind('transform.polynomial', wide, { columns: ['x1', 'x2'] });
    expect(names(ok.table).slice(0, 6)).toEqual(['x0', 'x1', 'x2', 'x1^2', 'x1*x2', 'x2^2']);
  });
});

// Rows 0–3 (training) are (2, 1), (1, 2), (−2, −1), (−1, −2) shifted by (10, 20): covariance
// [[10, 8], [8, 10]] / 3, eigenvalues 6 and 2/3, total 20/3, PC1 = (1, 1)/√2 and PC2 = (1, −1)/√2
// (its loadings tie in size, so the first is made positive). Row 4 is a test row.
const toy = () =>
  stateOf([num('x', [12, 11, 8, 9, 110]), num('y', [21, 22, 19, 18, 20]), num('t', [0, 0, 0, 0, 0])], 't', [0, 1, 2, 3]);

describe('transform.pca', () => {
  it('finds the components of a symmetric toy set by hand, centred on the training means', async () => {
    const out = await runKind('transform.pca', toy());
    const fit = out.fitted.t as PcaFit;
    expect(names(out.table)).toEqual(['PC1', 'PC2', 't']);
    expect(fit.means).toEqual([10, 20]);
    expect(fit.explainedVariance[0]).toBeCloseTo(6, 13);
    expect(fit.explainedVariance[1]).toBeCloseTo(2 / 3, 13);
    expect(fit.explainedVarianceRatio[0]).toBeCloseTo(0.9, 13);
    const r = Math.SQRT1_2;
    expect(fit.components[0][0]).toBeCloseTo(r, 14);
    expect(fit.components[0][1]).toBeCloseTo(r, 14);
    expect(fit.components[1][0]).toBeCloseTo(r, 14);
    expect(fit.components[1][1]).toBeCloseTo(-r, 14);
    // Row 0 (2, 1) → 3/√2 and 1/√2; the test row (100, 0) → 100/√2 and 100/√2.
    expect(values(out.table, 'PC1')[0]).toBeCloseTo(3 * r, 13);
    expect(values(out.table, 'PC2')[0]).toBeCloseTo(r, 13);
    expect(values(out.table, 'PC1')[4]).toBeCloseTo(100 * r, 12);
    expect(values(out.table, 'PC2')[4]).toBeCloseTo(100 * r, 12);
  });

  it('on a correlated set: orthonormal components, variances summing to the total, scores uncorrelated, signs fixed, same bits twice', async () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8];
    const input = stateOf([num('u', xs), num('v', xs.map((x, i) => -2 * x + [0.3, -0.1, 0.4, -0.5, 0.2, 0.1, -0.3, 0.6][i])), num('t', xs)], 't');
    const out = await runKind('transform.pca', input);
    const fit = out.fitted.t as PcaFit;
    const dot = (a: readonly number[], b: readonly number[]) => a[0] * b[0] + a[1] * b[1];
    expect(dot(fit.components[0], fit.components[0])).toBeCloseTo(1, 14);
    expect(dot(fit.components[1], fit.components[1])).toBeCloseTo(1, 14);
    expect(dot(fit.components[0], fit.components[1])).toBeCloseTo(0, 14);
    const variance = (v: number[]) => {
      const m = v.reduce((s, x) => s + x, 0) / v.length;
      return v.reduce((s, x) => s + (x - m) * (x - m), 0) / (v.length - 1);
    };
    const total = variance(values(input.table, 'u')) + variance(values(input.table, 'v'));
    expect(fit.explainedVariance[0] + fit.explainedVariance[1]).toBeCloseTo(total, 12);
    expect(fit.explainedVarianceRatio[0] + fit.explainedVarianceRatio[1]).toBeCloseTo(1, 14);
    expect(variance(values(out.table, 'PC1'))).toBeCloseTo(fit.explainedVariance[0], 12);
    const [p1, p2] = [values(out.table, 'PC1'), values(out.table, 'PC2')];
    expect(p1.reduce((s, x, i) => s + x * p2[i], 0)).toBeCloseTo(0, 11);
    // v ≈ −2u: PC1 leans on v, with a negative u loading; its largest loading (v's) is positive.
    expect(fit.components[0][1]).toBeGreaterThan(Math.abs(fit.components[0][0]));
    expect(fit.components[0][0]).toBeLessThan(0);
    for (const c of fit.components) expect(Math.max(...c.map(Math.abs))).toBe(Math.max(...c));
    expect(await hashValue(await runKind('transform.pca', input))).toBe(await hashValue(out));
  });

  it('refuses more components than columns, and missing values', async () => {
    await expect(runKind('transform.pca', toy(), { nComponents: 3 })).rejects.toThrow(/3 components, but only 2 number columns/);
    const gappy = stateOf([num('x', [1, NaN, 3]), num('y', [1, 2, 4]), num('t', [0, 0, 0])], 't');
    await expect(runKind('transform.pca', gappy)).rejects.toThrow(/"x" has missing values/);
  });

  it.each([
    ['standardized', true, 0.7, 0.75],
    ['unstandardized', false, 0.92, 0.93],
  ])('iris %s: the first component explains the known share of variance', async (_what, scale, low, high) => {
    const steps = [{ id: 'data', kind: 'data.builtin', params: { name: 'iris' } }, ...(scale ? [{ id: 'scale', kind: 'transform.standardize' }] : []), { id: 'pca', kind: 'transform.pca' }];
    const { record, outputs } = await run(spec(doc(steps)));
    expect(record.status, record.error?.message).toBe('done');
    const state = outputs[outputs.length - 1].state;
    const ratio = (state.fitted.pca as PcaFit).explainedVarianceRatio[0];
    expect(ratio).toBeGreaterThan(low);
    expect(ratio).toBeLessThan(high);
    expect(names(state.table)).toEqual(['PC1', 'PC2', 'species']);
  });
});
