import { describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../../src/core/spec';
import { locateDivergence, type RunSnapshot } from '../../src/engine/divergence';
import { diffRuns } from '../../src/engine/run-diff';
import { buildRunView } from '../../src/engine/run-view';
import type { RunOptions } from '../../src/engine/run-pipeline';
import { loadExample, run, tf } from '../helpers';

async function snapshot(spec: PipelineSpec, opts: Partial<RunOptions> = {}): Promise<RunSnapshot> {
  const view = buildRunView(tf, await run(spec, opts));
  return { record: view.record, digests: view.digests };
}

function iris(edit: (s: PipelineSpec) => void = () => {}): PipelineSpec {
  const s = loadExample('iris-logreg');
  edit(s);
  return s;
}

describe('locateDivergence', () => {
  it('says bit-identical for a re-run of the same spec, seed and backend', async () => {
    const d = locateDivergence(await snapshot(iris()), await snapshot(iris()));
    expect(d.identical).toBe(true);
    expect(d.firstStep).toBeNull();
    expect(d.metricDifferences.every((m) => m.largest === 0)).toBe(true);
  });

  it('names the model as the first differing step when only its learning rate changed, with weight and prediction differences', async () => {
    const d = locateDivergence(await snapshot(iris()), await snapshot(iris((s) => (s.steps[3].params.learningRate = 0.05))));
    expect(d.identical).toBe(false);
    expect(d.firstStep).toMatchObject({ id: 'model', index: 3 });
    const whats = d.differences.map((x) => x.what);
    expect(whats).toEqual(expect.arrayContaining(['model weights', 'test predictions']));
    expect(d.differences.find((x) => x.what === 'model weights')!.largest).toBeGreaterThan(0);
  });

  it('names the split as the first differing step when the seed changed (loading data draws nothing)', async () => {
    const d = locateDivergence(await snapshot(iris()), await snapshot(iris((s) => (s.seed = 7))));
    expect(d.firstStep?.id).toBe('split');
  });

  it('finds a changed backend at the first step that computes with tfjs, with a tiny largest difference', async () => {
    const d = locateDivergence(await snapshot(iris()), await snapshot(iris(), { backend: 'wasm' }));
    expect(d.identical).toBe(false);
    expect(d.firstStep?.id).toBe('model');
    const weights = d.differences.find((x) => x.what === 'model weights')!.largest;
    expect(weights).toBeGreaterThan(0);
    expect(weights).toBeLessThan(1e-2);
  });

  it('works from records alone (as the CLI has them): first differing step and metric differences', async () => {
    const a = await snapshot(iris());
    const b = await snapshot(iris((s) => (s.steps[3].params.epochs = 20)));
    const d = locateDivergence({ record: a.record }, { record: b.record });
    expect(d.firstStep?.id).toBe('model');
    expect(d.differences).toEqual([]);
    expect(d.metricDifferences.map((m) => m.what)).toEqual(['accuracy', 'precision', 'recall', 'f1', 'logLoss']);
  });
});

describe('diffRuns', () => {
  it('reports nothing different for identical runs', async () => {
    const diff = diffRuns(await snapshot(iris()), await snapshot(iris()));
    expect(diff.config).toEqual([]);
    expect(diff.spec.changeCount).toBe(0);
    expect(diff.steps.every((s) => s.status === 'equal')).toBe(true);
    expect(diff.first).toBeNull();
    expect(diff.predictions).toMatchObject({ comparable: true, changedRows: [] });
  });

  it('for a changed param: the param in the spec diff, upstream steps equal, the model weights and changed test rows', async () => {
    const diff = diffRuns(await snapshot(iris()), await snapshot(iris((s) => (s.steps[3].params.learningRate = 0.01))));
    expect(diff.config).toEqual([]);
    expect(diff.spec.steps.find((s) => s.id === 'model')?.params).toEqual([{ name: 'learningRate', before: 0.1, after: 0.01 }]);
    expect(diff.steps.map((s) => s.status)).toEqual(['equal', 'equal', 'equal', 'different', 'different']);
    expect(diff.first?.stepId).toBe('model');
    expect(diff.first?.weights.map((w) => w.name)).toEqual(['dense0/kernel', 'dense0/bias']);
    expect(diff.first?.weights.every((w) => (w.maxAbsDiff ?? 0) > 0)).toBe(true);
    expect(diff.predictions?.comparable).toBe(true);
    expect(diff.predictions?.total).toBe(39);
    expect(diff.predictions!.largest).toBeGreaterThan(0);
  });

  it('for a changed seed: the seed first, the split as first difference, and test rows not comparable', async () => {
    const diff = diffRuns(await snapshot(iris()), await snapshot(iris((s) => (s.seed = 7))));
    expect(diff.config).toEqual([{ field: 'seed', before: '42', after: '7' }]);
    expect(diff.first?.stepId).toBe('split');
    expect(diff.first?.rows).toEqual({ before: 150, after: 150 });
    expect(diff.predictions?.comparable).toBe(false);
    expect(diff.predictions?.reason).toMatch(/different rows/);
  });

  it('for a changed backend: the backend in the config, data steps equal, tiny weight differences, same test rows', async () => {
    const diff = diffRuns(await snapshot(iris()), await snapshot(iris(), { backend: 'wasm' }));
    expect(diff.config.map((c) => c.field)).toEqual(['backend']);
    expect(diff.steps.slice(0, 3).every((s) => s.status === 'equal')).toBe(true);
    expect(diff.first?.stepId).toBe('model');
    expect(diff.predictions?.comparable).toBe(true);
    expect(diff.predictions!.largest).toBeLessThan(1e-2);
  });

  it('for a disabled transform: the skipped step, then the column statistics that changed downstream', async () => {
    const diff = diffRuns(await snapshot(iris()), await snapshot(iris((s) => (s.steps[2].enabled = false))));
    expect(diff.steps.find((s) => s.id === 'scale')?.status).toBe('not-finished');
    expect(diff.first?.stepId).toBe('model');
    expect(diff.first?.columnChanges.map((c) => c.name)).toEqual(['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm']);
    expect(diff.first?.columnChanges[0].meanBefore).toBeCloseTo(0, 1);
    expect(diff.first?.columnChanges[0].meanAfter).toBeGreaterThan(5);
  });
});
