import { describe, expect, it } from 'vitest';
import { findLeaks, fixLeaks } from '../../src/core/leakage';
import { stepCatalog } from '../../src/steps/catalog';
import { EXAMPLES, doc, loadExample, spec } from '../helpers';

const data = { id: 'data', kind: 'data.builtin', params: { name: 'penguins' } };
const clean = { id: 'clean', kind: 'transform.drop-missing' };
const encode = { id: 'encode', kind: 'transform.one-hot' };
const scale = { id: 'scale', kind: 'transform.standardize' };
const split = { id: 'split', kind: 'split.train-test' };
const model = { id: 'model', kind: 'model.logistic-regression' };
const evaluate = { id: 'evaluate', kind: 'evaluate.classification' };

const ids = (steps: { id: string }[]) => steps.map((s) => s.id);

describe('findLeaks', () => {
  it.each(EXAMPLES.filter((n) => n !== 'leakage-wrong-order'))('finds no leak in examples/%s.json', (name) => {
    expect(findLeaks(loadExample(name), stepCatalog)).toEqual([]);
  });

  it('finds the feature selection fitted before the split in the leakage demo', () => {
    const leaks = findLeaks(loadExample('leakage-wrong-order'), stepCatalog);
    expect(leaks.map((l) => [l.stepId, l.index, l.splitId])).toEqual([['select', 1, 'split']]);
    expect(leaks[0].message).toContain('"Select the k best features" is fitted before the split');
  });

  it('finds a standardize before the split and explains the leak and its fix', () => {
    const leaks = findLeaks(spec(doc([data, clean, encode, scale, split, model, evaluate])), stepCatalog);
    expect(leaks.map((l) => l.stepId)).toEqual(['encode', 'scale']);
    expect(leaks[1]).toEqual({
      stepId: 'scale',
      index: 3,
      splitId: 'split',
      message:
        '"Standardize" is fitted before the split, so it learns from the test rows too (their means, categories or ' +
        'which features look useful). The test score then looks better than it will be on new data. ' +
        'Move it after "Train/test split".',
    });
  });

  it('does not report drop-missing, which learns nothing from the rows', () => {
    expect(findLeaks(spec(doc([data, clean, split, encode, model])), stepCatalog)).toEqual([]);
  });

  it('ignores disabled steps: a disabled scaler and a disabled split', () => {
    const disabledScale = spec(doc([data, clean, encode, { ...scale, enabled: false }, split, model]));
    expect(findLeaks(disabledScale, stepCatalog).map((l) => l.stepId)).toEqual(['encode']);
    const disabledSplit = spec(doc([data, clean, scale, { ...split, enabled: false }, model]));
    expect(findLeaks(disabledSplit, stepCatalog)).toEqual([]);
  });

  it('measures against the first enabled split step', () => {
    const second = { id: 'split2', kind: 'split.train-test' };
    const leaks = findLeaks(spec(doc([data, clean, { ...split, enabled: false }, scale, second, model])), stepCatalog);
    expect(leaks.map((l) => [l.stepId, l.splitId])).toEqual([['scale', 'split2']]);
  });

  it('reports no leak when there is no split step', () => {
    expect(findLeaks(spec(doc([data, clean, encode, scale])), stepCatalog)).toEqual([]);
  });
});

describe('fixLeaks', () => {
  it('moves the leaky steps just after the split, in their order, and leaves no leak', () => {
    const leaky = spec(doc([data, clean, encode, scale, split, model, evaluate]));
    const fixed = fixLeaks(leaky, stepCatalog);
    expect(ids(fixed.steps)).toEqual(['data', 'clean', 'split', 'encode', 'scale', 'model', 'evaluate']);
    expect(findLeaks(fixed, stepCatalog)).toEqual([]);
    expect(ids(leaky.steps)).toEqual(['data', 'clean', 'encode', 'scale', 'split', 'model', 'evaluate']);
  });

  it('turns the wrong-order demo into the right-order one', () => {
    const fixed = fixLeaks(loadExample('leakage-wrong-order'), stepCatalog);
    expect(fixed.steps).toEqual(loadExample('leakage-right-order').steps);
  });

  it('keeps disabled steps where they are and returns an equal copy when nothing leaks', () => {
    const mixed = spec(doc([data, { ...scale, enabled: false }, encode, split, model]));
    expect(ids(fixLeaks(mixed, stepCatalog).steps)).toEqual(['data', 'scale', 'split', 'encode', 'model']);
    const iris = loadExample('iris-logreg');
    const copy = fixLeaks(iris, stepCatalog);
    expect(copy).toEqual(iris);
    expect(copy.steps[0]).not.toBe(iris.steps[0]);
  });
});
