// The column-wise transforms of issue 7 on small hand-made tables, with numbers checked by hand.
import { describe, expect, it } from 'vitest';
import { StepInputError } from '../../src/core/errors';
import { findStep } from '../../src/steps/registry';
import { cat, labels, names, num, runKind, stateOf, values } from './transform-harness';

// Rows 0–4 train, rows 5–6 test. Row 6 holds an extreme test value that must not move any fill.
const imputeInput = (a6 = 1000) =>
  stateOf(
    [
      num('a', [1, NaN, 2, 2, 9, NaN, a6]),
      num('b', [5, 3, 5, 3, NaN, 7, 7]),
      cat('c', ['x', 'y', null, 'y', 'x', null, 'z']),
      num('t', [0, 1, NaN, 3, 4, 5, 6]),
    ],
    't',
    [0, 1, 2, 3, 4],
  );

describe('transform.impute', () => {
  it('mean: fills numbers with the training mean and text with the most frequent training value; the target is left alone', async () => {
    const out = await runKind('transform.impute', imputeInput(), { strategy: 'mean' });
    // a: training values 1, 2, 2, 9 → 3.5; b: 5, 3, 5, 3 → 4; c: x and y twice each → x (first in sorted order).
    expect(values(out.table, 'a')).toEqual([1, 3.5, 2, 2, 9, 3.5, 1000]);
    expect(values(out.table, 'b')).toEqual([5, 3, 5, 3, 4, 7, 7]);
    expect(labels(out.table, 'c')).toEqual(['x', 'y', 'x', 'y', 'x', 'x', 'z']);
    expect(values(out.table, 't')[2]).toBeNaN();
    expect(out.fitted.t).toEqual({ a: { strategy: 'mean', fill: 3.5 }, b: { strategy: 'mean', fill: 4 }, c: { strategy: 'most_frequent', fill: 'x' } });
  });

  it('learns only from the training rows: a test value does not change the fill, while without a split every row counts', async () => {
    const one = await runKind('transform.impute', imputeInput(1000));
    const other = await runKind('transform.impute', imputeInput(-1e6));
    expect(values(one.table, 'a')[1]).toBe(3.5);
    expect(values(other.table, 'a')[1]).toBe(3.5);
    const noSplit = await runKind('transform.impute', { ...imputeInput(1000), split: null });
    expect(values(noSplit.table, 'a')[1]).toBe((1 + 2 + 2 + 9 + 1000) / 5);
  });

  it('median and most_frequent (ties go to the smallest value)', async () => {
    const median = await runKind('transform.impute', imputeInput(), { strategy: 'median' });
    expect(values(median.table, 'a')[1]).toBe(2);
    expect(values(median.table, 'b')[4]).toBe(4); // (3 + 5) / 2
    const frequent = await runKind('transform.impute', imputeInput(), { strategy: 'most_frequent' });
    expect(values(frequent.table, 'a')[5]).toBe(2);
    expect(values(frequent.table, 'b')[4]).toBe(3); // 3 and 5 twice each: the smaller wins
    expect(labels(frequent.table, 'c')[2]).toBe('x');
  });

  it('constant: numbers get the fill value, text gets a category "missing" (categories stay sorted)', async () => {
    const out = await runKind('transform.impute', imputeInput(), { strategy: 'constant', fillValue: -7 });
    expect(values(out.table, 'a')).toEqual([1, -7, 2, 2, 9, -7, 1000]);
    expect(labels(out.table, 'c')).toEqual(['x', 'y', 'missing', 'y', 'x', 'missing', 'z']);
    const c = out.table!.columns.find((col) => col.name === 'c');
    expect(c?.type === 'categorical' && c.categories).toEqual(['missing', 'x', 'y', 'z']);
  });

  it('applies only to the named columns, and names a bad column', async () => {
    const out = await runKind('transform.impute', imputeInput(), { columns: ['b'] });
    expect(values(out.table, 'a')[1]).toBeNaN();
    expect(values(out.table, 'b')[4]).toBe(4);
    await expect(runKind('transform.impute', imputeInput(), { columns: ['nope'] })).rejects.toThrow(/no column "nope"/);
    await expect(runKind('transform.impute', imputeInput(), { columns: ['t'] })).rejects.toThrow(/"t" is the target/);
    const empty = stateOf([num('e', [NaN, NaN, 1]), num('t', [0, 1, 2])], 't', [0, 1]);
    await expect(runKind('transform.impute', empty)).rejects.toThrow(/"e" has no value in the training rows/);
  });
});

// Rows 0–3 train, rows 4–5 test.
const scaleInput = () =>
  stateOf(
    [num('x', [6, 2, 10, 4, 12, -2]), num('k', [5, 5, 5, 5, 7, NaN]), cat('s', ['p', 'q', 'p', 'q', 'p', 'q']), num('t', [1, 2, 3, 4, 5, 6])],
    't',
    [0, 1, 2, 3],
  );

describe('transform.min-max', () => {
  it('maps the training min and max to 0 and 1; test rows may land outside; a constant column is only shifted', async () => {
    const out = await runKind('transform.min-max', scaleInput());
    // x: training min 2, max 10 → (v − 2) / 8.
    expect(values(out.table, 'x')).toEqual([0.5, 0, 1, 0.25, 1.25, -0.5]);
    // k: constant 5 in training → range treated as 1 (scikit-learn): training rows 0, the test 7 becomes 2, NaN stays.
    expect(values(out.table, 'k').slice(0, 5)).toEqual([0, 0, 0, 0, 2]);
    expect(values(out.table, 'k')[5]).toBeNaN();
    expect(values(out.table, 't')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out.fitted.t).toEqual({ x: { min: 2, max: 10 }, k: { min: 5, max: 5 } });
  });

  it('refuses a text column by name', async () => {
    await expect(runKind('transform.min-max', scaleInput(), { columns: ['s'] })).rejects.toThrow(StepInputError);
    await expect(runKind('transform.min-max', scaleInput(), { columns: ['s'] })).rejects.toThrow(/"s" holds text/);
  });
});

describe('transform.robust-scale', () => {
  it('centres on the training median and divides by numpy\'s linear-interpolation IQR', async () => {
    // Training values (rows 0–6, one missing) sorted: 1 2 4 7 11 30. Median (4 + 7) / 2 = 5.5.
    // Q25: index 5 × 0.25 = 1.25 → 2 + 0.25 × (4 − 2) = 2.5; Q75: index 3.75 → 7 + 0.75 × (11 − 7) = 10
    // (np.percentile([1, 2, 4, 7, 11, 30], [25, 75]) = [2.5, 10]). IQR 7.5.
    const input = stateOf([num('v', [7, 1, 30, NaN, 4, 11, 2, 1000]), num('t', [0, 0, 0, 0, 0, 0, 0, 0])], 't', [0, 1, 2, 3, 4, 5, 6]);
    const out = await runKind('transform.robust-scale', input);
    expect(out.fitted.t).toEqual({ v: { median: 5.5, q25: 2.5, q75: 10, scale: 7.5 } });
    const got = values(out.table, 'v');
    [7, 1, 30, NaN, 4, 11, 2, 1000].forEach((v, i) => (Number.isNaN(v) ? expect(got[i]).toBeNaN() : expect(got[i]).toBeCloseTo((v - 5.5) / 7.5, 14)));
    expect(got[7]).toBeCloseTo(132.6, 12);
  });

  it('uses scale 1 when the IQR is zero', async () => {
    // 3 3 3 3 9: both quartiles are 3.
    const input = stateOf([num('v', [3, 9, 3, 3, 3, 20]), num('t', [0, 0, 0, 0, 0, 0])], 't', [0, 1, 2, 3, 4]);
    const out = await runKind('transform.robust-scale', input);
    expect(values(out.table, 'v')).toEqual([0, 6, 0, 0, 0, 17]);
  });
});

describe('transform.ordinal-encode', () => {
  it('numbers categories by their sorted position among the training categories; unseen and missing become NaN', async () => {
    const input = stateOf([cat('g', ['b', 'a', 'c', null, 'a', 'd']), cat('y', ['u', 'v', 'u', 'v', 'u', 'v'])], 'y', [0, 1, 2, 3], 'classification');
    const out = await runKind('transform.ordinal-encode', input);
    const g = values(out.table, 'g');
    expect(g.slice(0, 3)).toEqual([1, 0, 2]);
    expect(g[3]).toBeNaN();
    expect(g[4]).toBe(0);
    expect(g[5]).toBeNaN(); // "d" appears only in a test row
    expect(out.fitted.t).toEqual({ g: ['a', 'b', 'c'] });
    expect(out.table!.columns.map((c) => c.type)).toEqual(['numeric', 'categorical']);
  });
});

describe('transform.select-columns and transform.drop-columns', () => {
  const input = stateOf([num('a', [1, 2]), num('b', [3, 4]), cat('c', ['x', 'y']), num('t', [5, 6])], 't');

  it('select keeps the listed columns and the target in table order; an empty list keeps everything', async () => {
    expect(names((await runKind('transform.select-columns', input, { columns: ['c', 'a'] })).table)).toEqual(['a', 'c', 't']);
    expect(names((await runKind('transform.select-columns', input, { columns: ['t', 'b'] })).table)).toEqual(['b', 't']);
    expect(await runKind('transform.select-columns', input)).toBe(input);
    await expect(runKind('transform.select-columns', input, { columns: ['z'] })).rejects.toThrow(/no column "z"/);
  });

  it('drop removes the listed columns, never the target; an empty list drops nothing', async () => {
    expect(names((await runKind('transform.drop-columns', input, { columns: ['b', 'c'] })).table)).toEqual(['a', 't']);
    expect(await runKind('transform.drop-columns', input)).toBe(input);
    await expect(runKind('transform.drop-columns', input, { columns: ['t'] })).rejects.toThrow(/"t" is the target column/);
    await expect(runKind('transform.drop-columns', input, { columns: ['z'] })).rejects.toThrow(/no column "z"/);
  });
});

describe('leakage flags', () => {
  it('marks every transform that learns from rows, and no other', () => {
    const fits = ['transform.impute', 'transform.min-max', 'transform.robust-scale', 'transform.ordinal-encode', 'transform.pca'];
    for (const kind of fits) expect(findStep(kind)?.fitsOnData, kind).toBe(true);
    for (const kind of ['transform.polynomial', 'transform.select-columns', 'transform.drop-columns']) expect(findStep(kind)?.fitsOnData, kind).toBeFalsy();
  });
});
