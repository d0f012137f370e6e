import { describe, expect, it } from 'vitest';
import { ALL_DESCRIPTIONS, stepCatalog } from '../../src/steps/catalog';
import { ALL_STEPS } from '../../src/steps/registry';

describe('the description catalog the main thread imports', () => {
  it('lists the registry kinds in the same order, each with the very description object its step was built from', () => {
    expect(ALL_DESCRIPTIONS.map((d) => d.kind)).toEqual(ALL_STEPS.map((s) => s.kind));
    ALL_STEPS.forEach((step, i) => {
      const d = ALL_DESCRIPTIONS[i];
      // Every field of the description (kind, params, help, keywords, metrics, model, …) is the step's own, the same object.
      for (const [key, value] of Object.entries(d)) expect((step as unknown as Record<string, unknown>)[key], `${step.kind}.${key}`).toBe(value);
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['kind', 'version', 'category', 'label', 'help', 'params', 'usesRandomness']));
    });
  });

  it('holds no code to run: descriptions carry no run, fitted state code or data files', () => {
    for (const d of ALL_DESCRIPTIONS) {
      expect(Object.keys(d)).not.toContain('run');
      expect(Object.keys(d)).not.toContain('fitted');
      expect(Object.keys(d)).not.toContain('dataRef');
    }
    expect(stepCatalog.describe('model.knn-classifier')?.model?.task).toBe('classification');
    expect(stepCatalog.describe('no.such-step')).toBeUndefined();
  });

  it('every model step declares a task and a Python export in its description, and its predict in its code', () => {
    const models = ALL_STEPS.filter((s) => s.category === 'model');
    expect(models.length).toBeGreaterThan(5);
    for (const m of models) {
      expect(['classification', 'regression']).toContain(m.model?.task);
      expect(typeof m.model?.python).toBe('function');
      expect(typeof m.fitted?.predict).toBe('function');
    }
  });
});
