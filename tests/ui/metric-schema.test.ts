// Metrics are declared by the evaluate steps: views, comparisons and sweep rankings read the
// declared schema, so a metric that exists only in a step's description is labelled, formatted,
// ordered and ranked by it.
import { describe, expect, it } from 'vitest';
import { metricTable } from '../../src/core/metric-schema';
import type { PipelineSpec } from '../../src/core/spec';
import type { StepDescription } from '../../src/core/step-description';
import { bestSettingFor, type SweepResult } from '../../src/core/sweep-summary';
import { ALL_DESCRIPTIONS, METRICS } from '../../src/steps/catalog';
import type { RunRow } from '../../src/ui/state/run-list';
import { bestMarks, metricNames } from '../../src/ui/history/compare';
import { cardMetrics, formatMetric, isPercentMetric, lowerIsBetter, metricLabel } from '../../src/ui/results/metric-format';
import { metricChoices } from '../../src/ui/sweep/sweep-draft';

/** A made-up evaluate step that declares two metrics no other step has. */
const CALIBRATION: StepDescription = {
  kind: 'evaluate.calibration', version: 1, category: 'evaluate', label: 'Calibration', help: 'test only', params: {}, usesRandomness: false,
  metrics: [
    { name: 'brier', label: 'Brier score', unit: 'number', better: 'lower', order: 35 },
    { name: 'hitRate', label: 'Hit rate', unit: 'share', better: 'higher', order: 5 },
  ],
};
const TABLE = metricTable([...ALL_DESCRIPTIONS, CALIBRATION]);

const row = (id: string, metrics: Record<string, number>): RunRow =>
  ({ id, pipelineId: 'p', versionHash: 'h', createdAt: 0, summary: { status: 'done', backend: 'cpu', seed: 1, resultHash: null, metrics } }) as RunRow;

describe('metric schemas declared by steps', () => {
  it('the built-in evaluate steps declare the labels, units and directions the views show', () => {
    expect(metricLabel('f1')).toBe('F1 (macro)');
    expect(metricLabel('auc')).toBe('ROC AUC');
    expect(formatMetric('accuracy', 0.9567)).toBe('95.7%');
    expect(formatMetric('mse', 2875.44)).toBe('2875.4');
    expect(lowerIsBetter('logLoss')).toBe(true);
    expect(lowerIsBetter('r2')).toBe(false);
    expect(METRICS.all().map((m) => m.name)).toEqual(['accuracy', 'f1', 'auc', 'precision', 'recall', 'logLoss', 'r2', 'rmse', 'mae', 'mse']);
    expect(cardMetrics({ mse: 1, accuracy: 0.5, other: 2 })).toEqual(['accuracy', 'mse']);
  });

  it('a metric declared only in a step schema gets its label, percent and direction in the comparison', () => {
    expect(metricLabel('brier', TABLE)).toBe('Brier score');
    expect(metricLabel('brier')).toBe('brier'); // the app's catalog has no such step
    expect(isPercentMetric('hitRate', TABLE)).toBe(true);
    expect(formatMetric('hitRate', 0.25, TABLE)).toBe('25.0%');
    expect(formatMetric('brier', 0.12345, TABLE)).toBe('0.123');
    expect(bestMarks('brier', [0.3, 0.1, 0.2], TABLE)).toEqual([false, true, false]);
    expect(bestMarks('brier', [0.3, 0.1, 0.2])).toEqual([true, false, false]); // undeclared: higher wins
    const runs = [row('a', { brier: 0.2, accuracy: 0.9, zeta: 1, hitRate: 0.5 })];
    expect(metricNames(runs, TABLE)).toEqual(['hitRate', 'accuracy', 'brier', 'zeta']);
  });

  it('a sweep ranks by the declared direction of its metric, and offers the declared metrics before any run', () => {
    const point = (lr: number, brier: number): SweepResult => ({ settings: { 'model.learningRate': lr }, seed: 1, status: 'done', metrics: { brier } });
    const points = [point(0.1, 0.30), point(0.01, 0.05), point(0.5, 0.20)];
    expect(bestSettingFor(points, 'brier', TABLE)?.settings).toEqual({ 'model.learningRate': 0.01 });
    expect(bestSettingFor(points, 'brier', metricTable(ALL_DESCRIPTIONS))?.settings).toEqual({ 'model.learningRate': 0.1 });
    const spec = { steps: [{ id: 'e', kind: 'evaluate.regression', params: {}, enabled: true }] } as unknown as PipelineSpec;
    expect(metricChoices(spec, [])).toEqual(['r2', 'rmse', 'mae', 'mse']);
    expect(metricChoices(spec, [row('a', { brier: 0.1, hitRate: 0.4 })], TABLE)).toEqual(['hitRate', 'brier']);
  });

  it('a pipeline with no evaluate step is offered the metrics of the evaluation that scores its model', () => {
    const only = (kind: string) => ({ steps: [{ id: 'm', kind, params: {}, enabled: true }] }) as unknown as PipelineSpec;
    expect(metricChoices(only('model.linear-regression'), [])).toEqual(metricChoices(only('evaluate.regression'), []));
    expect(metricChoices(only('model.knn-classifier'), [])).toEqual(metricChoices(only('evaluate.classification'), []));
    expect(metricChoices(only('model.knn-classifier'), [])).toContain('accuracy');
  });
});
