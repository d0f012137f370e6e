// model.linear-svm: LinearSVC's squared hinge, checked against scikit-learn 1.2.1's test accuracy on
// every bundled classification set (tests/fixtures/linear-svm/reference.py wrote scores.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linearSvm } from '../../src/steps/model/linear-svm';
import { bundledSplit, testScore } from './bundled-split';
import { runExported } from './export-run';
import { probabilitiesOf, runStep, toyState } from './model-fixtures';

const SKLEARN: Record<string, number> = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/linear-svm/scores.json'), 'utf8'));

describe('model.linear-svm', () => {
  it.each(Object.keys(SKLEARN))('%s: test accuracy within 2 points of scikit-learn\'s LinearSVC', async (name) => {
    const out = await runStep(linearSvm, await bundledSplit(name));
    const accuracy = testScore(out);
    console.log(`linear-svm ${name}: pipelab ${accuracy.toFixed(4)}, scikit-learn ${SKLEARN[name].toFixed(4)}`);
    expect(Math.abs(accuracy - SKLEARN[name])).toBeLessThanOrEqual(0.02);
  });

  it('separates two separable classes with the widest margin: the boundary sits midway', async () => {
    const state = toyState({ x: [-3, -2, 2, 3] }, ['a', 'a', 'b', 'b'], [0, 1, 2, 3]);
    const out = await runStep(linearSvm, state, { c: 1000 });
    expect(Array.from(out.predictions!.labels!)).toEqual([0, 0, 1, 1]);
    // Squared hinge with a penalised bias: margins of ±1 at x = ±2, so w ≈ 0.5, b ≈ 0 (C large).
    const [w, b] = Array.from(out.model!.weights[0].values);
    expect(w).toBeCloseTo(0.5, 2);
    expect(b).toBeCloseTo(0, 2);
    expect(probabilitiesOf(out, 0)[0]).toBeGreaterThan(0.5);
  });

  it('smaller C keeps the weights smaller', async () => {
    const state = toyState({ x: [-3, -2, -1, 1, 2, 3], z: [0, 1, 0, 1, 0, 1] }, ['a', 'a', 'a', 'b', 'b', 'b'], [0, 1, 2, 3, 4, 5]);
    const strong = await runStep(linearSvm, state, { c: 0.01 });
    const weak = await runStep(linearSvm, state, { c: 100 });
    expect(Math.abs(strong.model!.weights[0].values[0])).toBeLessThan(Math.abs(weak.model!.weights[0].values[0]));
  });

  it('refuses training rows of a single class with a clear message', async () => {
    const state = toyState({ x: [1, 2, 3] }, ['a', 'a', 'b'], [0, 1], [2]);
    await expect(runStep(linearSvm, state)).rejects.toThrow(/at least two classes/);
  });

  it('exports LinearSVC with C and the seed, and class shares scikit-learn can score', () => {
    const used: string[] = [];
    const lines = linearSvm.model!.python({ c: 0.5 }, { use: (...n: string[]) => used.push(...n) }).join('\n');
    expect(lines).toContain('model = SoftmaxLinearSVC(C=0.5, max_iter=100000, random_state=SEED)');
    expect(lines).toContain('def predict_proba');
    expect(used).toContain('sklearn.svm:LinearSVC');
  });
});

describe('model.linear-svm Python export', () => {
  const step = (id: string, kind: string, params: Record<string, unknown> = {}) => ({ id, kind, params });
  const pipeline = (name: string) => [
    step('data', 'data.builtin', { name }), step('split', 'split.train-test', { testFraction: 0.3 }), step('scale', 'transform.standardize'),
    step('model', 'model.linear-svm', { c: 0.5 }), step('evaluate', 'evaluate.classification'), step('report', 'evaluate.classification-report'),
  ];

  it('runs in scikit-learn and scores what pipelab scores (two classes and three)', async () => {
    const results = await runExported({ breast: pipeline('breast_cancer'), wine: pipeline('wine') });
    for (const [name, { pipelab, python }] of Object.entries(results)) {
      expect(Math.abs(pipelab.accuracy - (python.accuracy ?? NaN)), name).toBeLessThanOrEqual(0.02);
      expect(Math.abs(pipelab.logLoss - (python.logLoss ?? NaN)), `${name} log loss of the softmax shares`).toBeLessThanOrEqual(0.02);
    }
  }, 120_000);
});
