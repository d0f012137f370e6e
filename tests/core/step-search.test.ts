import { describe, expect, it } from 'vitest';
import { searchSteps, stepMatches } from '../../src/core/step-search';
import type { StepDescription } from '../../src/core/step-description';
import { ALL_DESCRIPTIONS } from '../../src/steps/catalog';

const kindsFor = (query: string): string[] => searchSteps(ALL_DESCRIPTIONS, query).map((s) => s.kind);

describe('finding a step by the names people search for', () => {
  it.each([
    ['ridge', 'model.linear-regression'],
    ['Ridge', 'model.linear-regression'],
    ['random forest', 'model.random-forest'],
    ['RandomForestClassifier', 'model.random-forest'],
    ['scaler', 'transform.standardize'],
    ['scaler', 'transform.min-max'],
    ['scaler', 'transform.robust-scale'],
    ['k-nearest', 'model.knn-classifier'],
    ['knn', 'model.knn-regressor'],
    ['naive bayes', 'model.gaussian-nb'],
    ['one-hot', 'transform.one-hot'],
    ['onehot', 'transform.one-hot'],
    ['dummies', 'transform.one-hot'],
    ['PCA', 'transform.pca'],
    ['principal components', 'transform.pca'],
    ['cross validation', 'split.k-fold'],
  ])('"%s" finds %s', (query, kind) => {
    expect(kindsFor(query)).toContain(kind);
  });

  it('a specific search narrows the list to the steps it names', () => {
    expect(kindsFor('ridge')).toEqual(['model.linear-regression']);
    expect(kindsFor('scaler').sort()).toEqual(['transform.min-max', 'transform.robust-scale', 'transform.standardize']);
    expect(kindsFor('naive bayes')).toEqual(['model.gaussian-nb']);
  });

  it('"lasso" finds nothing: no step has an L1 penalty, so none claims the name', () => {
    expect(kindsFor('lasso')).toEqual([]);
  });

  it('an empty or blank search keeps every step, in order', () => {
    expect(kindsFor('')).toEqual(ALL_DESCRIPTIONS.map((s) => s.kind));
    expect(kindsFor('   ')).toEqual(ALL_DESCRIPTIONS.map((s) => s.kind));
  });

  it('every word must match (kind, label or a keyword), case and punctuation aside', () => {
    const step = { kind: 'model.x', label: 'Support vector machine', keywords: ['SVM', 'LinearSVC'] } as unknown as StepDescription;
    expect(stepMatches(step, 'svm')).toBe(true);
    expect(stepMatches(step, 'linear-svc')).toBe(true);
    expect(stepMatches(step, 'support machine')).toBe(true);
    expect(stepMatches(step, 'support tree')).toBe(false);
  });

  it('every step kind declares keywords (so a new step is findable by its other names too)', () => {
    const missing = ALL_DESCRIPTIONS.filter((s) => !s.keywords || s.keywords.length === 0).map((s) => s.kind);
    expect(missing).toEqual([]);
  });
});
