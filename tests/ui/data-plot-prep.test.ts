import { describe, expect, it } from 'vitest';
import type { DataPlot } from '../../src/engine/data-plot';
import { classCounts, classFills, classOfRows, defaultAxes, numericFeatures, scatterRows } from '../../src/ui/charts/data-plot-prep';

const plot: DataPlot = {
  stepId: 'data',
  rowCount: 5,
  rows: Int32Array.from([0, 1, 2, 3, 4]),
  columns: [
    { name: 'island', type: 'categorical', codes: Int32Array.from([0, 1, 0, -1, 1]), categories: ['A', 'B'] },
    { name: 'a', type: 'numeric', values: Float64Array.from([1, 2, Number.NaN, 4, 5]) },
    { name: 'b', type: 'numeric', values: Float64Array.from([5, 4, 3, 2, 1]) },
    { name: 'c', type: 'numeric', values: Float64Array.from([0, 0, 0, 0, 0]) },
    { name: 'species', type: 'categorical', codes: Int32Array.from([0, 0, 1, 2, 2]), categories: ['x', 'y', 'z'] },
  ],
  target: 'species',
  task: 'classification',
  isTest: Uint8Array.from([0, 1, 0, 0, 1]),
};

describe('data plot preparation', () => {
  it('offers the numeric features as axes, the first two by default, never the target', () => {
    expect(numericFeatures(plot)).toEqual(['a', 'b', 'c']);
    expect(defaultAxes(plot)).toEqual(['a', 'b']);
    expect(defaultAxes({ ...plot, columns: plot.columns.slice(0, 2) })).toBeNull();
  });

  it('keeps rows with both values and separates test rows', () => {
    expect(scatterRows(plot, 'a', 'b')).toEqual({ train: [0, 3], test: [1, 4] });
    expect(scatterRows(plot, 'b', 'c')).toEqual({ train: [0, 2, 3], test: [1, 4] });
    expect(scatterRows({ ...plot, isTest: null }, 'b', 'c').test).toEqual([]);
  });

  it('counts classes overall and per set', () => {
    expect(classCounts(plot)).toEqual([
      { name: 'x', total: 2, train: 1, test: 1 },
      { name: 'y', total: 1, train: 1, test: 0 },
      { name: 'z', total: 2, train: 1, test: 1 },
    ]);
    expect(classOfRows(plot)).toEqual(['x', 'x', 'y', 'z', 'z']);
    expect(classCounts({ ...plot, target: 'a' })).toBeNull();
    expect(classFills(plot, ['#1', '#2'])).toEqual(['#1', '#1', '#2', '#999999', '#999999']);
    expect(classFills({ ...plot, target: 'a' }, ['#1'])).toEqual([]);
  });
});
