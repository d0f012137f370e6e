import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sha256Hex } from '../../src/core/hash';
import { withUserData } from '../../src/engine/data-source';
import type { RunOptions, RunResult } from '../../src/engine/run-pipeline';
import { nodeDataSource } from '../../src/cli/node-data-source';
import { predictRaw, tryItSetup, type TryItSetup } from '../../src/engine/try-it/try-it';
import { doc, loadExample, run, spec, tf } from '../helpers';

/** Every test row of a finished run, typed raw, must get the prediction the pipeline gave it. */
async function expectSamePredictions(steps: unknown[], opts: Partial<RunOptions> = {}): Promise<TryItSetup & { result: RunResult }> {
  const result = await run(spec(doc(steps)), opts);
  expect(result.record.error).toBeNull();
  const setup = tryItSetup(result)!;
  const rows = setup.testRows.map((t) => Object.fromEntries(setup.columns.map((c, j) => [c.name, t.values[j]])));
  const outcomes = await predictRaw(tf, result, setup.runKey, rows);
  outcomes.forEach((o, i) => {
    if (!o.ok) throw new Error(o.message);
    const expected = setup.testRows[i].predicted;
    if (typeof expected === 'number') expect(o.predicted as number).toBeCloseTo(expected, 6);
    else expect(o.predicted, `test row ${i}`).toBe(expected);
  });
  return { ...setup, result };
}

// Penguins with gaps filled (not dropped) and every fitted transform of text and number columns.
const PENGUIN_PREP = [
  { id: 'data', kind: 'data.builtin', params: { name: 'penguins' } },
  { id: 'fill', kind: 'transform.impute', params: { strategy: 'most_frequent' } },
  { id: 'split', kind: 'split.train-test', params: { testFraction: 0.25 } },
  { id: 'ord', kind: 'transform.ordinal-encode', params: { columns: ['Sex'] } },
  { id: 'hot', kind: 'transform.one-hot', params: {} },
  { id: 'robust', kind: 'transform.robust-scale', params: {} },
  { id: 'minmax', kind: 'transform.min-max', params: {} },
  { id: 'poly', kind: 'transform.polynomial', params: { columns: ['Beak Length (mm)', 'Beak Depth (mm)'] } },
  { id: 'best', kind: 'transform.select-k-best', params: { k: 8 } },
  { id: 'scale', kind: 'transform.standardize', params: {} },
];

// Diabetes with a dropped column, min-max scaling and PCA.
const DIABETES_PREP = [
  { id: 'data', kind: 'data.builtin', params: { name: 'diabetes' } },
  { id: 'split', kind: 'split.train-test', params: { testFraction: 0.25, stratify: false } },
  { id: 'drop', kind: 'transform.drop-columns', params: { columns: ['s4'] } },
  { id: 'keep', kind: 'transform.select-columns', params: { columns: ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's5', 's6'] } },
  { id: 'minmax', kind: 'transform.min-max', params: {} },
  { id: 'pca', kind: 'transform.pca', params: { nComponents: 6 } },
];

const CLASSIFIERS: [string, Record<string, unknown>][] = [
  ['model.logistic-regression', { solver: 'lbfgs' }],
  ['model.logistic-regression', { solver: 'adam', epochs: 5 }],
  ['model.mlp-classifier', { hiddenLayers: [8], epochs: 5 }],
  ['model.knn-classifier', {}],
  ['model.gaussian-nb', {}],
  ['model.decision-tree', {}],
  ['model.random-forest', { trees: 10 }],
  ['model.linear-svm', {}],
  ['model.gradient-boosting', { stages: 10 }],
];

const REGRESSORS: [string, Record<string, unknown>][] = [
  ['model.linear-regression', {}],
  ['model.linear-regression', { l2: 1 }],
  ['model.mlp-regressor', { hiddenLayers: [8], epochs: 5 }],
  ['model.knn-regressor', {}],
  ['model.decision-tree-regressor', {}],
  ['model.random-forest-regressor', { trees: 10 }],
  ['model.gradient-boosting-regressor', { stages: 10 }],
];

describe('try it for every model kind, after every transform kind', () => {
  it.each(CLASSIFIERS)('%s %j predicts each penguins test row as the run did', async (kind, params) => {
    const setup = await expectSamePredictions([...PENGUIN_PREP, { id: 'model', kind, params }, { id: 'evaluate', kind: 'evaluate.classification', params: {} }]);
    expect(setup.scores).toBe(kind === 'model.linear-svm');
  });

  it.each(REGRESSORS)('%s %j predicts each diabetes test row as the run did', async (kind, params) => {
    await expectSamePredictions([...DIABETES_PREP, { id: 'model', kind, params }, { id: 'evaluate', kind: 'evaluate.regression', params: {} }]);
  });
});

describe('try it with dates', () => {
  it('turns a typed date into date parts as the run did, for its test rows and for a date the data does not have', async () => {
    const text = readFileSync('tests/fixtures/real/seattle-weather.csv', 'utf8');
    const hash = await sha256Hex(text);
    const steps = [
      { id: 'data', kind: 'data.import', params: { name: 'seattle-weather.csv', hash, target: 'weather' } },
      { id: 'split', kind: 'split.train-test', params: { testFraction: 0.25 } },
      { id: 'dates', kind: 'transform.date-parts', params: { cyclical: true } },
      { id: 'scale', kind: 'transform.standardize', params: {} },
      { id: 'model', kind: 'model.logistic-regression', params: {} },
      { id: 'evaluate', kind: 'evaluate.classification', params: {} },
    ];
    const { result, ...setup } = await expectSamePredictions(steps, { dataSource: withUserData(nodeDataSource, { [hash]: text }) });
    expect(setup.columns[0]).toMatchObject({ name: 'date', kind: 'categorical', freeText: true });
    const row = Object.fromEntries(setup.columns.map((c, j) => [c.name, setup.testRows[0].values[j]]));
    const [later, notADate] = await predictRaw(tf, result, setup.runKey, [{ ...row, date: '2016-07-04' }, { ...row, date: 'next week' }]);
    expect(later.ok).toBe(true);
    expect(notADate.ok || notADate.message).toBe('"date" takes a date written as in the data (such as 2012-01-01), but got "next week".');
  });
});

describe('try it after cross-validation', () => {
  it('uses the last fold’s fitted pipeline and offers that fold’s test rows', async () => {
    const result = await run(loadExample('iris-cv'));
    const setup = tryItSetup(result)!;
    expect(setup.testCount).toBe(30);
    const rows = setup.testRows.map((t) => Object.fromEntries(setup.columns.map((c, j) => [c.name, t.values[j]])));
    const outcomes = await predictRaw(tf, result, setup.runKey, rows);
    outcomes.forEach((o, i) => expect(o.ok && o.predicted).toBe(setup.testRows[i].predicted));
  });
});
