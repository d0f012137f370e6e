import { describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../../src/core/spec';
import type { DataPlot } from '../../src/engine/data-plot';
import { DataPlotLoader } from '../../src/ui/state/data-plot.svelte';
import { loadExample } from '../helpers';

const fakePlot = (stepId: string) => ({ stepId, rowCount: 1, rows: new Int32Array(1), columns: [], target: null, task: null, isTest: null }) as DataPlot;

describe('DataPlotLoader', () => {
  it('fetches when the data steps change, not when the model does', async () => {
    const asked: PipelineSpec[] = [];
    const loader = new DataPlotLoader(async (spec) => (asked.push(spec), fakePlot(spec.steps[0].id)));
    const spiral = loadExample('spiral-mlp');
    await loader.refresh(spiral);
    expect(loader.plot?.stepId).toBe('data');
    const otherModel = { ...spiral, steps: spiral.steps.map((s) => (s.id === 'model' ? { ...s, params: { ...s.params, epochs: 5 } } : s)) };
    await loader.refresh(otherModel);
    expect(asked).toHaveLength(1);
    const otherSplit = { ...spiral, steps: spiral.steps.map((s) => (s.id === 'split' ? { ...s, params: { ...s.params, testFraction: 0.5 } } : s)) };
    await loader.refresh(otherSplit);
    expect(asked).toHaveLength(2);
  });

  it('keeps only the latest answer and reports a failure as a message, retrying on the next call', async () => {
    let fail = true;
    const loader = new DataPlotLoader(async () => {
      if (fail) throw new Error('no such file');
      return fakePlot('data');
    });
    await loader.refresh(loadExample('spiral-mlp'));
    expect(loader.error).toMatch(/could not be plotted: no such file/);
    expect(loader.plot).toBeNull();
    fail = false;
    await loader.refresh(loadExample('spiral-mlp'));
    expect(loader.error).toBeNull();
    expect(loader.plot?.stepId).toBe('data');
  });

  it('answers the latest request when an older one settles last', async () => {
    const resolvers: ((p: DataPlot) => void)[] = [];
    const loader = new DataPlotLoader(() => new Promise((resolve) => resolvers.push(resolve)));
    const spiral = loadExample('spiral-mlp');
    const first = loader.refresh(spiral);
    const second = loader.refresh(loadExample('iris-logreg'));
    resolvers[1](fakePlot('second'));
    resolvers[0](fakePlot('first'));
    await Promise.all([first, second]);
    expect(loader.plot?.stepId).toBe('second');
  });
});
