import { describe, expect, it } from 'vitest';
import type { StepSpec } from '../../src/core/spec';
import { newStepId } from '../../src/ui/state/step-ids';

const taken = (...ids: string[]): StepSpec[] => ids.map((id) => ({ id, kind: 'transform.standardize', params: {}, enabled: true }));

describe('a new step gets a readable id', () => {
  it("uses the step's declared short id, numbered when taken", () => {
    expect(newStepId('transform.standardize', [])).toBe('scale');
    expect(newStepId('transform.one-hot', [])).toBe('encode');
    expect(newStepId('split.k-fold', [])).toBe('folds');
    expect(newStepId('transform.standardize', taken('scale', 'scale-2'))).toBe('scale-3');
  });

  it("falls back to the last part of the kind (a step without a short id, or an unknown kind)", () => {
    expect(newStepId('model.knn-classifier', [])).toBe('knn-classifier');
    expect(newStepId('transform.future-thing', taken('future-thing'))).toBe('future-thing-2');
  });
});
