import { describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../../src/core/spec';
import type { CategoricalColumn } from '../../src/core/table';
import { getColumn } from '../../src/core/table';
import { anovaF, pearson, rankScores } from '../../src/steps/transform/select-k-best';
import { doc, loadExample, run, spec } from '../helpers';

/** Test accuracy of a spec run on cpu, with the pipeline seed replaced. */
async function accuracy(s: PipelineSpec, seed: number): Promise<number> {
  const { record } = await run({ ...s, seed });
  expect(record.status, record.error?.message).toBe('done');
  return record.metrics.accuracy;
}

describe('the leakage demo: features selected on pure noise', () => {
  const wrong = loadExample('leakage-wrong-order');
  const right = loadExample('leakage-right-order');

  it('uses the same steps, params and seed in both orders', () => {
    const byId = (s: PipelineSpec) => Object.fromEntries(s.steps.map((step) => [step.id, step]));
    expect(byId(wrong)).toEqual(byId(right));
    expect(wrong.seed).toBe(right.seed);
    expect(wrong.steps.map((s) => s.kind)).not.toEqual(right.steps.map((s) => s.kind));
  });

  it.each([1, 2, 3, 4, 5, 42])('seed %i: selecting before the split inflates the test accuracy well above chance', async (seed) => {
    const leaky = await accuracy(wrong, seed);
    const honest = await accuracy(right, seed);
    expect(honest).toBeLessThanOrEqual(0.65);
    expect(leaky - honest).toBeGreaterThanOrEqual(0.15);
  });
});

describe('data.noise', () => {
  it('draws the requested shape with labels unrelated to the features', async () => {
    const { outputs } = await run(spec(doc([{ id: 'data', kind: 'data.noise', params: { samples: 2000, features: 3, classes: 4 } }])));
    const table = outputs[0].state.table!;
    expect(table.columns.map((c) => c.name)).toEqual(['x0', 'x1', 'x2', 'label']);
    const label = getColumn(table, 'label') as CategoricalColumn;
    expect(label.categories).toEqual(['class 0', 'class 1', 'class 2', 'class 3']);
    const counts = [0, 1, 2, 3].map((c) => label.codes.filter((code) => code === c).length);
    for (const n of counts) expect(n).toBeGreaterThan(400);
  });
});

describe('transform.select-k-best', () => {
  it('scores like scikit-learn: the ANOVA F of two groups and the Pearson correlation', () => {
    const all = Int32Array.from([0, 1, 2, 3, 4, 5]);
    const values = Float64Array.from([1, 2, 3, 4, 5, 6]);
    expect(anovaF(values, Int32Array.from([0, 0, 0, 1, 1, 1]), 2, all)).toBeCloseTo(13.5, 12);
    expect(anovaF(values, Int32Array.from([0, 0, 0, 1, 1, 1]), 2, Int32Array.from([0, 1, 2]))).toBe(0);
    expect(pearson(values, Float64Array.from([6, 5, 4, 3, 2, 1]), all)).toBeCloseTo(-1, 12);
    expect(pearson(values, Float64Array.from([1, 1, 1, 1, 1, 1]), all)).toBe(0);
  });

  it('ranks by score, breaking ties by column order', () => {
    const ranked = rankScores([{ column: 'a', score: 1 }, { column: 'b', score: 3 }, { column: 'c', score: 1 }, { column: 'd', score: NaN }]);
    expect(ranked.map((s) => s.column)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('keeps the k best wine features fitted on the training rows, plus the target, and records them', async () => {
    const wine = { id: 'data', kind: 'data.builtin', params: { name: 'wine' } };
    const select = { id: 'select', kind: 'transform.select-k-best', params: { k: 3 } };
    const after = await run(spec(doc([wine, { id: 'split', kind: 'split.train-test' }, select])));
    const state = after.outputs[2].state;
    const fitted = state.fitted.select as { kept: { column: string; score: number }[] };
    expect(fitted.kept).toHaveLength(3);
    expect(fitted.kept[0].score).toBeGreaterThanOrEqual(fitted.kept[2].score);
    expect(state.table!.columns.map((c) => c.name)).toEqual([
      ...after.outputs[0].state.table!.columns.map((c) => c.name).filter((n) => fitted.kept.some((k) => k.column === n)),
      state.target,
    ]);
    const before = await run(spec(doc([wine, select])));
    const allRows = before.outputs[1].state.fitted.select as typeof fitted;
    expect(allRows.kept[0].score).not.toBe(fitted.kept[0].score);
  });

  it('scores a regression target by the absolute correlation', async () => {
    const diabetes = { id: 'data', kind: 'data.builtin', params: { name: 'diabetes' } };
    const { outputs } = await run(spec(doc([diabetes, { id: 'select', kind: 'transform.select-k-best', params: { k: 2 } }])));
    const fitted = outputs[1].state.fitted.select as { scoredBy: string; kept: { score: number }[] };
    expect(fitted.scoredBy).toBe('|Pearson correlation|');
    for (const { score } of fitted.kept) expect(score).toBeGreaterThan(0.5);
    expect(outputs[1].state.table!.columns).toHaveLength(3);
  });

  it('says what to add when there is no data', async () => {
    const { record } = await run(spec(doc([{ id: 'select', kind: 'transform.select-k-best' }])));
    expect(record.status).toBe('failed');
    expect(record.error?.message).toContain('Select the k best features needs data');
  });
});
