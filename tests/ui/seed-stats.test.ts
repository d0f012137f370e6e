// Tests of the seed study statistics: metric order, mean and population std, same-seed repeats.
import { describe, expect, it } from 'vitest';
import type { SeedStudyPoint } from '../../src/ui/lab/lab-types';
import { distinctCount, spreadByMetric, studyMetrics, sweepValues } from '../../src/ui/lab/seed-stats';

function point(seed: number, metrics: Record<string, number>, repeat = 0): SeedStudyPoint {
  return { seed, repeat, sameSeed: repeat > 0, metrics, resultHash: null };
}

describe('distinctCount', () => {
  it('counts different values', () => {
    expect(distinctCount([])).toBe(0);
    expect(distinctCount([0.5, 0.5, 0.5])).toBe(1);
    expect(distinctCount([0.5, 0.25, 0.5, 0.125])).toBe(3);
  });

  it('counts NaN once and tells values apart by their last bit', () => {
    expect(distinctCount([NaN, NaN])).toBe(1);
    expect(distinctCount([0.1 + 0.2, 0.3])).toBe(2);
  });
});

describe('spreadByMetric', () => {
  it('orders known metrics as the runs table does, then others alphabetically', () => {
    const points = [point(1, { zeta: 1, rmse: 2, alpha: 3, accuracy: 0.5, f1: 0.4, logLoss: 0.7 })];
    expect(spreadByMetric(points).map((s) => s.metric)).toEqual(['accuracy', 'f1', 'logLoss', 'rmse', 'alpha', 'zeta']);
    expect(studyMetrics([])).toEqual([]);
    expect(spreadByMetric([])).toEqual([]);
  });

  it('takes mean, population std, min and max over the seed sweep only', () => {
    const points = [
      point(10, { accuracy: 0.8 }),
      point(11, { accuracy: 0.9 }),
      point(12, { accuracy: 1.0 }),
      point(13, { accuracy: 0.7 }),
      point(10, { accuracy: 0.2 }, 1),
      point(10, { accuracy: 0.2 }, 2),
    ];
    const [s] = spreadByMetric(points);
    expect(s.metric).toBe('accuracy');
    expect(s.values).toEqual([0.8, 0.9, 1.0, 0.7]);
    expect(s.mean).toBeCloseTo(0.85, 12);
    // Population std: sqrt(((-0.05)² + 0.05² + 0.15² + (-0.15)²) / 4) = sqrt(0.0125).
    expect(s.std).toBeCloseTo(Math.sqrt(0.0125), 12);
    expect(s.min).toBe(0.7);
    expect(s.max).toBe(1.0);
    expect(s.sameSeedValues).toEqual([0.2, 0.2]);
    expect(s.sameSeedDistinct).toBe(1);
  });

  it('gives a zero std for one seed and counts differing repeats', () => {
    const points = [point(5, { r2: 0.6 }), point(5, { r2: 0.6 }, 1), point(5, { r2: 0.6000001 }, 2), point(5, { r2: 0.6 }, 3)];
    const [s] = spreadByMetric(points);
    expect(s.values).toEqual([0.6]);
    expect(s.mean).toBe(0.6);
    expect(s.std).toBe(0);
    expect(s.sameSeedValues).toEqual([0.6, 0.6000001, 0.6]);
    expect(s.sameSeedDistinct).toBe(2);
  });

  it('leaves out points lacking a metric and reports NaN with no sweep values yet', () => {
    const points = [point(1, { mae: 2 }), point(2, { mae: 4, rmse: 3 }), point(1, { rmse: 3 }, 1)];
    const [mae, rmse] = [spreadByMetric(points).find((s) => s.metric === 'mae')!, spreadByMetric(points).find((s) => s.metric === 'rmse')!];
    expect(mae.values).toEqual([2, 4]);
    expect(mae.std).toBe(1);
    expect(mae.sameSeedValues).toEqual([]);
    expect(mae.sameSeedDistinct).toBe(0);
    expect(rmse.values).toEqual([3]);
    expect(rmse.sameSeedValues).toEqual([3]);
    const onlyRepeats = spreadByMetric([point(1, { mse: 1 }, 1)])[0];
    expect(onlyRepeats.values).toEqual([]);
    expect(onlyRepeats.mean).toBeNaN();
    expect(onlyRepeats.std).toBeNaN();
    expect(onlyRepeats.min).toBeNaN();
    expect(onlyRepeats.max).toBeNaN();
  });

  it('pairs each sweep value with its seed', () => {
    const points = [point(42, { accuracy: 0.921 }), point(7, { accuracy: 0.9 }), point(42, { accuracy: 0.5 }, 1)];
    expect(sweepValues(points, 'accuracy')).toEqual([
      { seed: 42, value: 0.921 },
      { seed: 7, value: 0.9 },
    ]);
  });
});
