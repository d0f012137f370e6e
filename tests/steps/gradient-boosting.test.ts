// model.gradient-boosting and model.gradient-boosting-regressor: scikit-learn's defaults (100 stages,
// depth 3, learning rate 0.1), checked against scikit-learn 1.2.1's test accuracy / R² on every bundled
// set (tests/fixtures/gradient-boosting/reference.py wrote scores.json: the mean over 5 seeds).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradientBoosting, gradientBoostingRegressor } from '../../src/steps/model/gradient-boosting';
import { bundledSplit, testScore } from './bundled-split';
import { runExported } from './export-run';
import { probabilitiesOf, runStep, toyState } from './model-fixtures';

const SKLEARN: Record<string, { score: number; min: number; max: number }> = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../fixtures/gradient-boosting/scores.json'), 'utf8'),
);

describe('gradient boosting against scikit-learn', () => {
  it.each(Object.keys(SKLEARN))('%s: test score within 2 points of scikit-learn\'s', async (name) => {
    const step = name === 'diabetes' ? gradientBoostingRegressor : gradientBoosting;
    const out = await runStep(step, await bundledSplit(name));
    const score = testScore(out);
    console.log(`gradient boosting ${name}: pipelab ${score.toFixed(4)}, scikit-learn ${SKLEARN[name].score.toFixed(4)} (${SKLEARN[name].min.toFixed(4)}–${SKLEARN[name].max.toFixed(4)})`);
    expect(Math.abs(score - SKLEARN[name].score)).toBeLessThanOrEqual(0.02);
  }, 60_000);
});

describe('model.gradient-boosting', () => {
  it('learns a step function a single stump cannot: depth 1, several stages', async () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7];
    const state = toyState({ x }, ['a', 'a', 'b', 'b', 'a', 'a', 'b', 'b'], x);
    const out = await runStep(gradientBoosting, state, { maxDepth: 1, stages: 200, learningRate: 0.5 });
    expect(Array.from(out.predictions!.labels!)).toEqual([0, 0, 1, 1, 0, 0, 1, 1]);
    expect(out.model!.info).toMatchObject({ trees: 200 });
  });

  it('grows one tree per class and stage for three classes, and its shares add up to 1', async () => {
    const state = toyState({ x: [0, 1, 2, 3, 4, 5] }, ['a', 'a', 'b', 'b', 'c', 'c'], [0, 1, 2, 3, 4, 5]);
    const out = await runStep(gradientBoosting, state, { stages: 10 });
    expect(out.model!.info).toMatchObject({ trees: 30 });
    expect(Array.from(out.predictions!.labels!)).toEqual([0, 0, 1, 1, 2, 2]);
    const shares = probabilitiesOf(out, 2);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('starts from the class prior: one stage at a tiny learning rate predicts the training share of the class', async () => {
    const state = toyState({ x: [0, 1, 2, 3] }, ['a', 'b', 'b', 'b'], [0, 1, 2, 3]);
    const out = await runStep(gradientBoosting, state, { stages: 1, learningRate: 0.001 });
    expect(probabilitiesOf(out, 0)[1]).toBeCloseTo(0.75, 2);
  });

  it('exports GradientBoostingClassifier/Regressor with the params and the seed', () => {
    const use = () => {};
    const params = { stages: 50, learningRate: 0.2, maxDepth: 2 };
    expect(gradientBoosting.model!.python(params, { use })).toEqual([
      'model = GradientBoostingClassifier(n_estimators=50, learning_rate=0.2, max_depth=2, random_state=SEED)',
    ]);
    expect(gradientBoostingRegressor.model!.python(params, { use })[0]).toContain('GradientBoostingRegressor(n_estimators=50');
  });
});

describe('model.gradient-boosting-regressor', () => {
  it('starts from the mean and fits the training rows more closely with more stages', async () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7];
    const y = x.map((v) => v * v);
    const state = toyState({ x }, y, x);
    const one = await runStep(gradientBoostingRegressor, state, { stages: 1, learningRate: 0.001 });
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    expect(one.predictions!.values![0]).toBeCloseTo(mean, 1);
    const many = await runStep(gradientBoostingRegressor, state, { stages: 300 });
    Array.from(many.predictions!.values!).forEach((v, i) => expect(v).toBeCloseTo(y[i], 0));
  });
});

describe('gradient boosting Python export', () => {
  const step = (id: string, kind: string, params: Record<string, unknown> = {}) => ({ id, kind, params });
  const split = step('split', 'split.train-test', { testFraction: 0.3 });
  it('runs in scikit-learn and scores what pipelab scores (two classes, three, regression)', async () => {
    const results = await runExported({
      breast: [step('data', 'data.builtin', { name: 'breast_cancer' }), split, step('model', 'model.gradient-boosting', { stages: 30 }), step('evaluate', 'evaluate.classification')],
      wine: [step('data', 'data.builtin', { name: 'wine' }), split, step('model', 'model.gradient-boosting', { stages: 30 }), step('evaluate', 'evaluate.classification')],
      diabetes: [step('data', 'data.builtin', { name: 'diabetes' }), split, step('model', 'model.gradient-boosting-regressor'), step('evaluate', 'evaluate.regression')],
    });
    for (const [name, { pipelab, python }] of Object.entries(results)) {
      const metric = name === 'diabetes' ? 'r2' : 'accuracy';
      expect(Math.abs(pipelab[metric] - (python[metric] ?? NaN)), `${name} ${metric}: pipelab ${pipelab[metric]}, Python ${python[metric]}`).toBeLessThanOrEqual(0.02);
    }
  }, 180_000);
});
