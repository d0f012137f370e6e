import { describe, expect, it } from 'vitest';
import { StepInputError } from '../../src/core/errors';
import { hashValue } from '../../src/core/hash';
import { decisionTree, decisionTreeRegressor } from '../../src/steps/model/decision-tree';
import { gaussianNb, type NaiveBayesInfo } from '../../src/steps/model/gaussian-nb';
import type { FittedModel } from '../../src/core/state';
import { knnClassifier, knnRegressor } from '../../src/steps/model/knn';
import { randomForest } from '../../src/steps/model/random-forest';
import { replayProbabilities } from '../../src/engine/predict';
import { probabilitiesOf, runStep, toyState, weightsOf } from './model-fixtures';
import { inputFor } from './step-inputs';

describe('k-nearest neighbours', () => {
  // Training rows 0–4 on a line; rows 5 (x = 1.9) and 6 (x = 6) are test rows.
  const line = toyState({ x: [0, 1, 2, 10, 11, 1.9, 6] }, ['a', 'a', 'b', 'b', 'b', 'a', 'a'], [0, 1, 2, 3, 4], [5, 6]);

  it('votes with the k nearest training rows, uniformly', async () => {
    const out = await runStep(knnClassifier, line, { k: 3, weights: 'uniform' });
    // x = 1.9: rows 2 (b, 0.1), 1 (a, 0.9), 0 (a, 1.9) → a 2/3.
    expect(probabilitiesOf(out, 5)[0]).toBeCloseTo(2 / 3, 6);
    expect(out.predictions!.labels![5]).toBe(0);
    // A training row is its own nearest neighbour, but uniform votes still mix: x = 2 → rows 2 (b), 1 (a), 0 (a).
    expect(out.predictions!.labels![2]).toBe(0);
    expect(out.predictions!.probabilities!.length).toBe(7 * 2);
    expect(out.history).toBeNull();
    expect(out.evaluation).toBeNull();
  });

  it('breaks equal distances by the lower row index', async () => {
    // x = 6: rows 2 and 3 at 4, then rows 1 (a) and 4 (b) both at 5: row 1 is taken → a 1/3, b 2/3.
    const out = await runStep(knnClassifier, line, { k: 3, weights: 'uniform' });
    expect(probabilitiesOf(out, 6)).toEqual([Math.fround(1 / 3), Math.fround(2 / 3)]);
  });

  it('weights by 1 / distance, and a neighbour at distance 0 alone decides', async () => {
    const out = await runStep(knnClassifier, line, { k: 3, weights: 'distance' });
    // x = 1.9: b 1/0.1 = 10 against a 1/0.9 + 1/1.9: the close b outvotes the two a's.
    const b = 10;
    const a = 1 / 0.9 + 1 / 1.9;
    expect(probabilitiesOf(out, 5)[1]).toBeCloseTo(b / (a + b), 6);
    expect(out.predictions!.labels![5]).toBe(1);
    // Training row 2 (b) sits at distance 0 from itself: probability 1 for b, as in scikit-learn.
    expect(probabilitiesOf(out, 2)).toEqual([0, 1]);
  });

  it('says what to do when k exceeds the training rows', async () => {
    const err = await runStep(knnClassifier, line, { k: 6 }).catch((e) => e);
    expect(err).toBeInstanceOf(StepInputError);
    expect(err.message).toMatch(/k = 6 .* only 5 training rows: lower k/);
  });

  it('averages the neighbours\' targets in the regressor', async () => {
    const input = toyState({ x: [0, 1, 2, 10, 0.5, 1.5] }, [0, 2, 4, 20, 0, 0], [0, 1, 2, 3], [4, 5]);
    const uniform = await runStep(knnRegressor, input, { k: 2, weights: 'uniform' });
    expect(uniform.predictions!.values![5]).toBe(3); // x = 1.5: rows 1 and 2
    const distance = await runStep(knnRegressor, input, { k: 3, weights: 'distance' });
    // x = 0.5: weights 2, 2, 2/3 on targets 0, 2, 4 → (4 + 8/3) / (14/3) = 10/7.
    expect(distance.predictions!.values![4]).toBeCloseTo(10 / 7, 12);
  });
});

describe('Gaussian naive Bayes', () => {
  // Class a: f1 = 1, 2, 3 and f2 = 0, 1, 2; class b: f1 = 6, 8 and f2 = 1, 1. Row 5 = (4, 1) is the test row.
  const input = toyState({ f1: [1, 2, 3, 6, 8, 4], f2: [0, 1, 2, 1, 1, 1] }, ['a', 'a', 'a', 'b', 'b', 'a'], [0, 1, 2, 3, 4], [5]);

  it('fits means, smoothed variances and priors by hand', async () => {
    const out = await runStep(gaussianNb, input, { varSmoothing: 0.1 });
    // Largest feature variance on the training rows: f1 = 1, 2, 3, 6, 8 → mean 4, variance 34/5 = 6.8.
    const eps = 0.1 * 6.8;
    expect((out.model as FittedModel<NaiveBayesInfo>).info.epsilon).toBeCloseTo(eps, 14);
    expect(weightsOf(out, 'mean')).toEqual([2, 1, 7, 1]);
    const variance = weightsOf(out, 'variance');
    [2 / 3 + eps, 2 / 3 + eps, 1 + eps, 0 + eps].forEach((v, i) => expect(variance[i]).toBeCloseTo(v, 14));
    expect(weightsOf(out, 'prior')).toEqual([0.6, 0.4]);
  });

  it('turns joint log likelihoods into probabilities', async () => {
    const out = await runStep(gaussianNb, input, { varSmoothing: 0.1 });
    const eps = 0.68;
    const jll = (prior: number, means: number[], vars: number[], x: number[]) =>
      Math.log(prior) + x.reduce((s, xi, j) => s - 0.5 * Math.log(2 * Math.PI * vars[j]) - (0.5 * (xi - means[j]) ** 2) / vars[j], 0);
    const a = jll(0.6, [2, 1], [2 / 3 + eps, 2 / 3 + eps], [4, 1]);
    const b = jll(0.4, [7, 1], [1 + eps, eps], [4, 1]);
    const pa = 1 / (1 + Math.exp(b - a));
    expect(probabilitiesOf(out, 5)[0]).toBeCloseTo(pa, 6);
    expect(replayProbabilities(out.model!, [4, 1])![0]).toBeCloseTo(pa, 12);
    expect(out.predictions!.labels![5]).toBe(pa > 0.5 ? 0 : 1);
  });

  it('keeps a feature that never varies within a class usable (the smoothing)', async () => {
    const out = await runStep(gaussianNb, input);
    // Class b's f2 has variance 0 + 1e-9 × 6.8: still finite probabilities.
    expect(probabilitiesOf(out, 5).every(Number.isFinite)).toBe(true);
    expect(probabilitiesOf(out, 3)[1]).toBeCloseTo(1, 6);
  });
});

describe('decision tree', () => {
  it('finds the one perfect split among all features', async () => {
    // f0 mixes the classes (best it can do: 2.5 → {a, a} | {b, a, b, b}); f1 separates them at 16.
    const input = toyState({ f0: [1, 4, 2, 3, 5, 6], f1: [10, 11, 12, 20, 21, 22] }, ['a', 'a', 'a', 'b', 'b', 'b'], [0, 1, 2, 3, 4, 5]);
    const out = await runStep(decisionTree, input);
    expect(weightsOf(out, 'feature')).toEqual([1, -1, -1]);
    expect(weightsOf(out, 'threshold')).toEqual([16, 0, 0]);
    expect(weightsOf(out, 'left')).toEqual([1, -1, -1]);
    expect(weightsOf(out, 'right')).toEqual([2, -1, -1]);
    expect(weightsOf(out, 'value')).toEqual([0.5, 0.5, 1, 0, 0, 1]);
    expect(weightsOf(out, 'samples')).toEqual([6, 3, 3]);
    expect(out.model!.info).toMatchObject({ nodes: 3, leaves: 2, depth: 1, trees: 1 });
  });

  it('breaks ties by the first feature, then the lowest threshold', async () => {
    const twins = toyState({ f0: [1, 2, 3, 7, 8, 9], f1: [1, 2, 3, 7, 8, 9] }, ['a', 'a', 'a', 'b', 'b', 'b'], [0, 1, 2, 3, 4, 5]);
    expect(weightsOf(await runStep(decisionTree, twins), 'feature')[0]).toBe(0);
    // a b b a: cutting off either end scores the same (Gini and entropy); 1.5 is the lower threshold.
    const ends = toyState({ x: [1, 2, 3, 4] }, ['a', 'b', 'b', 'a'], [0, 1, 2, 3]);
    for (const criterion of ['gini', 'entropy']) {
      const out = await runStep(decisionTree, ends, { maxDepth: 1, criterion });
      expect(weightsOf(out, 'threshold')[0]).toBe(1.5);
      expect(probabilitiesOf(out, 3)).toEqual([Math.fround(1 / 3), Math.fround(2 / 3)]);
      expect(out.predictions!.labels![3]).toBe(1);
    }
  });

  it('honours depth, minimum rows per leaf and minimum rows to split', async () => {
    const ends = toyState({ x: [1, 2, 3, 4] }, ['a', 'b', 'b', 'a'], [0, 1, 2, 3]);
    const deep = await runStep(decisionTree, ends, { maxDepth: 2 });
    expect(Array.from(deep.predictions!.labels!)).toEqual([0, 1, 1, 0]);
    expect(deep.model!.info).toMatchObject({ depth: 2 });
    const leaf2 = await runStep(decisionTree, ends, { maxDepth: 1, minSamplesLeaf: 2 });
    expect(weightsOf(leaf2, 'threshold')[0]).toBe(2.5);
    const noSplit = await runStep(decisionTree, ends, { minSamplesSplit: 5 });
    expect(weightsOf(noSplit, 'feature')).toEqual([-1]);
    expect(probabilitiesOf(noSplit, 0)).toEqual([0.5, 0.5]);
  });

  it('predicts leaf means in the regressor', async () => {
    const input = toyState({ x: [1, 2, 3, 4, 2.4, 2.6] }, [1, 1, 5, 5, 0, 0], [0, 1, 2, 3], [4, 5]);
    const out = await runStep(decisionTreeRegressor, input);
    expect(weightsOf(out, 'threshold')[0]).toBe(2.5);
    expect(Array.from(out.predictions!.values!)).toEqual([1, 1, 5, 5, 1, 5]);
  });

  it('says what to add when the target is a number', async () => {
    const input = toyState({ x: [1, 2, 3, 4] }, [1, 1, 5, 5], [0, 1], [2, 3]);
    await expect(runStep(decisionTree, input)).rejects.toThrow(/asks for regression: use a regression model/);
  });
});

describe('random forest', () => {
  it('grows the same forest from the same seed and another from another seed', async () => {
    const input = await inputFor(randomForest);
    const first = await runStep(randomForest, input, { trees: 10 }, 42);
    const again = await runStep(randomForest, input, { trees: 10 }, 42);
    const other = await runStep(randomForest, input, { trees: 10 }, 7);
    expect(await hashValue(again)).toBe(await hashValue(first));
    expect(await hashValue(other)).not.toBe(await hashValue(first));
    expect(weightsOf(other, 'threshold')).not.toEqual(weightsOf(first, 'threshold'));
  });

  it('gives every tree a bootstrap sample as large as the training set', async () => {
    const input = await inputFor(randomForest);
    const out = await runStep(randomForest, input, { trees: 5 });
    const samples = weightsOf(out, 'samples');
    expect(weightsOf(out, 'roots').map((root) => samples[root])).toEqual(Array(5).fill(input.split!.train.length));
    expect(out.model!.info).toMatchObject({ trees: 5 });
  });

  it('is the decision tree when it has one tree, no bootstrap and all features', async () => {
    const input = await inputFor(randomForest);
    const forest = await runStep(randomForest, input, { trees: 1, bootstrap: false, maxFeatures: 'all', maxDepth: 5 });
    const tree = await runStep(decisionTree, input, { maxDepth: 5 });
    expect(forest.model!.weights).toEqual(tree.model!.weights);
    expect(forest.predictions).toEqual(tree.predictions);
  });
});
