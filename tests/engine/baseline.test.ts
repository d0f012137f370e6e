import { describe, expect, it } from 'vitest';
import { majorityBaseline, meanBaseline, runBaseline } from '../../src/engine/baseline';
import { buildRunView } from '../../src/engine/run-view';
import { loadExample, run, tf } from '../helpers';

describe('the baseline a model must beat', () => {
  it('majority class: the most common training class, scored on the test rows', () => {
    // codes: rows 0-5 train (b, b, a, b, missing, a), rows 6-9 test (a, b, b, missing)
    const codes = Int32Array.from([1, 1, 0, 1, -1, 0, 0, 1, 1, -1]);
    const b = majorityBaseline(codes, ['a', 'b'], [0, 1, 2, 3, 4, 5], [6, 7, 8, 9]);
    expect(b).toEqual({ kind: 'majority', metric: 'accuracy', value: 2 / 3, cls: 'b' });
  });

  it('majority class: a tie goes to the first class; no labelled rows gives none', () => {
    expect(majorityBaseline(Int32Array.from([0, 1, 1, 0]), ['x', 'y'], [0, 1], [2, 3])).toMatchObject({ cls: 'x' });
    expect(majorityBaseline(Int32Array.from([-1, -1, 0]), ['x'], [0, 1], [2])).toBeNull();
    expect(majorityBaseline(Int32Array.from([0, 0, -1]), ['x'], [0, 1], [2])).toBeNull();
  });

  it('mean predictor: R² of the training mean on the test rows (0 when the means agree)', () => {
    const values = Float64Array.from([1, 3, NaN, 0, 4]);
    expect(meanBaseline(values, [0, 1, 2], [3, 4])).toEqual({ kind: 'mean', metric: 'r2', value: 0, mean: 2 });
    const shifted = meanBaseline(Float64Array.from([0, 0, 1, 3]), [0, 1], [2, 3]);
    // test values 1 and 3 (mean 2, total 2), predicted 0: residual 10, R² = 1 - 10 / 2
    expect(shifted?.value).toBe(-4);
    expect(meanBaseline(Float64Array.from([1, 2, 2]), [0], [1, 2])).toBeNull(); // constant test target
  });

  it('is part of the run view of a classification and a regression run', async () => {
    const iris = buildRunView(tf, await run(loadExample('iris-logreg')));
    expect(iris.baseline).toMatchObject({ kind: 'majority', metric: 'accuracy' });
    expect(iris.baseline!.value).toBeGreaterThan(0.2);
    expect(iris.baseline!.value).toBeLessThan(0.5);
    const diabetes = await run(loadExample('diabetes-linreg'));
    const last = diabetes.outputs[diabetes.outputs.length - 1].state;
    const b = runBaseline(last);
    expect(b).toMatchObject({ kind: 'mean', metric: 'r2' });
    expect(Math.abs(b!.value)).toBeLessThan(0.05);
    expect(diabetes.record.metrics.r2).toBeGreaterThan(b!.value);
  });
});
