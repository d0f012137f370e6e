import { describe, expect, it } from 'vitest';
import { restorePipeline } from '../../src/core/restore';
import type { PipelineSpec } from '../../src/core/spec';
import type { EpochRecord } from '../../src/core/state';
import type { StoredRun } from '../../src/storage/records';
import { stepCatalog } from '../../src/steps/catalog';
import {
  bestMarks,
  differingCells,
  filterRuns,
  lossPoints,
  metricNames,
  paramRows,
  runNumbers,
  sortRuns,
} from '../../src/ui/history/compare';
import { formatMetric } from '../../src/ui/results/metric-format';

interface RunOptions {
  id: string;
  createdAt?: number;
  seed?: number;
  backend?: string;
  status?: string;
  learningRate?: number;
  hiddenLayers?: number[];
  withScaler?: boolean;
  metrics?: Record<string, number>;
  history?: EpochRecord[];
}

function pipeline(o: RunOptions): PipelineSpec {
  const steps: unknown[] = [
    { id: 'data', kind: 'data.builtin', params: { name: 'iris' } },
    { id: 'split', kind: 'split.train-test', params: {} },
    ...(o.withScaler ? [{ id: 'scale', kind: 'transform.standardize', params: {} }] : []),
    { id: 'model', kind: 'model.mlp-classifier', params: { learningRate: o.learningRate ?? 0.01, hiddenLayers: o.hiddenLayers ?? [16, 8] } },
    { id: 'evaluate', kind: 'evaluate.classification', params: {} },
  ];
  return restorePipeline({ format: 'pipelab/pipeline', version: 1, name: 't', seed: o.seed ?? 42, steps }, stepCatalog);
}

/** A stored run with just the fields the comparison reads. */
function storedRun(o: RunOptions): StoredRun {
  const spec = pipeline(o);
  const metrics = o.metrics ?? {};
  const record = {
    spec, seed: spec.seed, environment: { backend: o.backend ?? 'cpu', floatPrecision: 32 },
    metrics, trainMetrics: {}, history: o.history ?? [], status: o.status ?? 'done',
  };
  return {
    id: o.id, pipelineId: 'p', versionHash: `hash-${o.id}`, createdAt: o.createdAt ?? 0,
    summary: { status: o.status ?? 'done', backend: o.backend ?? 'cpu', seed: spec.seed, resultHash: null, metrics },
    view: { record },
  } as unknown as StoredRun;
}

const differing = (runs: StoredRun[]) => paramRows(runs).filter((r) => r.differs).map((r) => r.key);

describe('paramRows', () => {
  it('marks exactly the one param that differs', () => {
    const runs = [0.01, 0.1, 0.01].map((lr, i) => storedRun({ id: `r${i}`, learningRate: lr }));
    const rows = paramRows(runs);
    expect(differing(runs)).toEqual(['model.learningRate']);
    const lr = rows.find((r) => r.key === 'model.learningRate')!;
    expect(lr).toMatchObject({ stepId: 'model', param: 'learningRate', paramLabel: 'Learning rate', values: ['0.01', '0.1', '0.01'] });
    expect(lr.stepLabel).toContain('model');
    expect(rows[0].key).toBe('seed');
    expect(rows[1].key).toBe('backend');
    expect(rows.some((r) => r.param === 'enabled')).toBe(false);
  });

  it('formats lists and booleans as text', () => {
    const rows = paramRows([storedRun({ id: 'a' })]);
    expect(rows.find((r) => r.key === 'model.hiddenLayers')!.values).toEqual(['16, 8']);
    expect(rows.find((r) => r.key === 'split.stratify')!.values[0]).toMatch(/^(on|off)$/);
  });

  it('reports a differing seed and backend', () => {
    const runs = [storedRun({ id: 'a', seed: 1 }), storedRun({ id: 'b', seed: 2, backend: 'wasm' })];
    expect(differing(runs)).toEqual(['seed', 'backend']);
    expect(paramRows(runs)[0].values).toEqual(['1', '2']);
  });

  it('gives null values for a step only one run has, in its pipeline position', () => {
    const runs = [storedRun({ id: 'a' }), storedRun({ id: 'b', withScaler: true })];
    const rows = paramRows(runs);
    const scaler = rows.filter((r) => r.stepId === 'scale');
    expect(scaler.length).toBeGreaterThan(0);
    for (const row of scaler) {
      expect(row.values[0]).toBeNull();
      expect(row.values[1]).not.toBeNull();
      expect(row.differs).toBe(true);
    }
    const order = [...new Set(rows.map((r) => r.stepId))];
    expect(order).toEqual(['', 'data', 'split', 'scale', 'model']); // evaluate has no params
  });

  it('adds an enabled row only when it differs', () => {
    const a = storedRun({ id: 'a' });
    const b = storedRun({ id: 'b' });
    (b.view.record.spec.steps[1] as { enabled: boolean }).enabled = false;
    expect(differing([a, b])).toEqual(['split.enabled']);
    expect(paramRows([a, b]).find((r) => r.key === 'split.enabled')!.values).toEqual(['on', 'off']);
  });
});

describe('metric helpers', () => {
  const runs = [
    storedRun({ id: 'a', createdAt: 3, metrics: { accuracy: 0.9, zeta: 1, alpha: 2 } }),
    storedRun({ id: 'b', createdAt: 1, metrics: { logLoss: 0.3 } }),
    storedRun({ id: 'c', createdAt: 2, metrics: { accuracy: 0.95, f1: 0.94 } }),
  ];
  const ids = (rs: StoredRun[]) => rs.map((r) => r.id);

  it('lists metric names in the stable order', () => {
    expect(metricNames(runs)).toEqual(['accuracy', 'f1', 'logLoss', 'alpha', 'zeta']);
  });

  it('sorts by a metric both ways with missing values last', () => {
    expect(ids(sortRuns(runs, 'metric:accuracy', true))).toEqual(['c', 'a', 'b']);
    expect(ids(sortRuns(runs, 'metric:accuracy', false))).toEqual(['a', 'c', 'b']);
    expect(ids(sortRuns(runs, 'metric:logLoss', false))).toEqual(['b', 'a', 'c']);
  });

  it('sorts by time, seed and status', () => {
    expect(ids(sortRuns(runs, 'createdAt', false))).toEqual(['b', 'c', 'a']);
    expect(ids(sortRuns(runs, 'createdAt', true))).toEqual(['a', 'c', 'b']);
    const seeded = [storedRun({ id: 'x', seed: 9 }), storedRun({ id: 'y', seed: 3, status: 'failed' })];
    expect(ids(sortRuns(seeded, 'seed', false))).toEqual(['y', 'x']);
    expect(ids(sortRuns(seeded, 'status', false))).toEqual(['x', 'y']);
  });

  it('filters with >= and <=, dropping runs without the metric', () => {
    expect(ids(filterRuns(runs, { metric: 'accuracy', op: '>=', value: 0.92 }))).toEqual(['c']);
    expect(ids(filterRuns(runs, { metric: 'accuracy', op: '<=', value: 0.92 }))).toEqual(['a']);
    expect(ids(filterRuns(runs, { metric: 'accuracy', op: '>=', value: 0.9 }))).toEqual(['a', 'c']);
    expect(ids(filterRuns(runs, null))).toEqual(['a', 'b', 'c']);
    expect(ids(filterRuns(runs, { metric: 'accuracy', op: '>=', value: Number.NaN }))).toEqual(['a', 'b', 'c']);
  });

  it('formats metrics', () => {
    expect(formatMetric('accuracy', 0.9567)).toBe('95.7%');
    expect(formatMetric('f1', 1)).toBe('100.0%');
    expect(formatMetric('rmse', 0.12345)).toBe('0.123');
    expect(formatMetric('mse', 2875.44)).toBe('2875.4');
    expect(formatMetric('r2', undefined)).toBe('—');
  });

  it('marks the best value, lower being better for losses', () => {
    expect(bestMarks('accuracy', [0.9, 0.95, undefined])).toEqual([false, true, false]);
    expect(bestMarks('logLoss', [0.2, 0.3])).toEqual([true, false]);
    expect(bestMarks('accuracy', [0.9, undefined])).toEqual([false, false]);
  });

  it('numbers runs oldest first', () => {
    expect([...runNumbers(runs)]).toEqual([['b', 1], ['c', 2], ['a', 3]]);
  });
});

describe('comparison helpers', () => {
  it('bolds the cells off the majority value', () => {
    expect(differingCells(['1', '2', '1'])).toEqual([false, true, false]);
    expect(differingCells(['1', '2'])).toEqual([true, true]);
    expect(differingCells(['1', '1'])).toEqual([false, false]);
  });

  it('collects loss points and skips runs without history', () => {
    const runs = [
      storedRun({ id: 'a', history: [{ epoch: 1, trainLoss: 0.5, testLoss: 0.6 }] }),
      storedRun({ id: 'b' }),
    ];
    const { points, skipped } = lossPoints(runs, [4, 7]);
    expect(skipped).toEqual(['Run #7']);
    expect(points).toEqual([
      { run: 'Run #4', set: 'test', epoch: 1, loss: 0.6 },
      { run: 'Run #4', set: 'train', epoch: 1, loss: 0.5 },
    ]);
  });
});
