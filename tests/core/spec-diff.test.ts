import { describe, expect, it } from 'vitest';
import type { StepSpec, PipelineSpec } from '../../src/core/spec';
import { diffSpecs, type StepDiff } from '../../src/core/spec-diff';

function step(id: string, kind: string, params: StepSpec['params'] = {}, enabled = true): StepSpec {
  return { id, kind, params, enabled };
}

function pipeline(steps: StepSpec[], seed = 42, name = 'demo'): PipelineSpec {
  return { format: 'pipelab/pipeline', version: 1, name, seed, steps };
}

const DATA = step('data', 'data.builtin', { name: 'iris' });
const SPLIT = step('split', 'split.train-test', { testFraction: 0.3, stratify: true });
const SCALE = step('scale', 'transform.standardize', {});
const MODEL = step('model', 'model.mlp-classifier', { hiddenLayers: [16], learningRate: 0.01 });
const EVAL = step('eval', 'evaluate.classification', {});
const base = () => pipeline([DATA, SPLIT, SCALE, MODEL, EVAL]);

const changes = (steps: readonly StepDiff[]) => steps.map((s) => `${s.id}:${s.change}`);

describe('diffSpecs', () => {
  it('finds no changes between identical specs', () => {
    const d = diffSpecs(base(), structuredClone(base()));
    expect(d.changeCount).toBe(0);
    expect(d.name).toBeNull();
    expect(d.seed).toBeNull();
    expect(d.steps.every((s) => s.change === 'same' && s.params.length === 0 && s.enabled === null)).toBe(true);
    expect(d.steps.map((s) => [s.beforeIndex, s.afterIndex])).toEqual([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]);
  });

  it('reports a changed param as old → new, comparing lists element by element', () => {
    const after = pipeline([DATA, SPLIT, SCALE, step('model', 'model.mlp-classifier', { hiddenLayers: [16, 8], learningRate: 0.01 }), EVAL]);
    const d = diffSpecs(base(), after);
    const model = d.steps.find((s) => s.id === 'model');
    expect(model?.change).toBe('changed');
    expect(model?.params).toEqual([{ name: 'hiddenLayers', before: [16], after: [16, 8] }]);
    expect(d.changeCount).toBe(1);
    // An equal list in a fresh array is not a change.
    const same = pipeline([DATA, SPLIT, SCALE, step('model', 'model.mlp-classifier', { hiddenLayers: [16], learningRate: 0.01 }), EVAL]);
    expect(diffSpecs(base(), same).changeCount).toBe(0);
  });

  it('lists a param present on one side only', () => {
    const after = pipeline([DATA, step('split', 'split.train-test', { testFraction: 0.3 }), SCALE, MODEL, EVAL]);
    const split = diffSpecs(base(), after).steps.find((s) => s.id === 'split');
    expect(split?.params).toEqual([{ name: 'stratify', before: true, after: undefined }]);
  });

  it('reports a changed seed', () => {
    const d = diffSpecs(base(), pipeline([DATA, SPLIT, SCALE, MODEL, EVAL], 7));
    expect(d.seed).toEqual({ before: 42, after: 7 });
    expect(d.name).toBeNull();
    expect(d.changeCount).toBe(1);
  });

  it('reports a changed name', () => {
    const d = diffSpecs(base(), pipeline([DATA, SPLIT, SCALE, MODEL, EVAL], 42, 'renamed'));
    expect(d.name).toEqual({ before: 'demo', after: 'renamed' });
    expect(d.changeCount).toBe(1);
  });

  it('reports a step added in the middle without calling the later steps moved', () => {
    const drop = step('drop', 'transform.drop-missing', {});
    const d = diffSpecs(base(), pipeline([DATA, SPLIT, drop, SCALE, MODEL, EVAL]));
    expect(changes(d.steps)).toEqual(['data:same', 'split:same', 'drop:added', 'scale:same', 'model:same', 'eval:same']);
    expect(d.steps[2]).toMatchObject({ beforeIndex: null, afterIndex: 2, kind: 'transform.drop-missing' });
    expect(d.steps[3]).toMatchObject({ beforeIndex: 2, afterIndex: 3 });
    expect(d.changeCount).toBe(1);
  });

  it('reports a removed step where it stood in the old spec', () => {
    const d = diffSpecs(base(), pipeline([DATA, SPLIT, MODEL, EVAL]));
    expect(changes(d.steps)).toEqual(['data:same', 'split:same', 'scale:removed', 'model:same', 'eval:same']);
    expect(d.steps[2]).toMatchObject({ kind: 'transform.standardize', beforeIndex: 2, afterIndex: null });
    expect(d.changeCount).toBe(1);
  });

  it('puts a step removed from the front first', () => {
    const d = diffSpecs(base(), pipeline([SPLIT, SCALE, MODEL, EVAL]));
    expect(changes(d.steps)).toEqual(['data:removed', 'split:same', 'scale:same', 'model:same', 'eval:same']);
  });

  it('reports exactly one of two swapped steps as moved', () => {
    // Swapping two neighbours changes the relative order of one pair only. The longest run of
    // common steps that kept their order leaves out exactly one of the two, and that one is the
    // step the user moved (here 'model', pulled up above 'scale'); calling both moved would
    // double-count a single edit.
    const d = diffSpecs(base(), pipeline([DATA, SPLIT, MODEL, SCALE, EVAL]));
    expect(changes(d.steps)).toEqual(['data:same', 'split:same', 'model:moved', 'scale:same', 'eval:same']);
    expect(d.steps[2]).toMatchObject({ beforeIndex: 3, afterIndex: 2 });
    expect(d.changeCount).toBe(1);
  });

  it('reports only the step that was moved a long way, not the ones it jumped over', () => {
    const d = diffSpecs(base(), pipeline([DATA, MODEL, SPLIT, SCALE, EVAL]));
    expect(changes(d.steps)).toEqual(['data:same', 'model:moved', 'split:same', 'scale:same', 'eval:same']);
    const down = diffSpecs(base(), pipeline([DATA, SCALE, MODEL, SPLIT, EVAL]));
    expect(changes(down.steps)).toEqual(['data:same', 'scale:same', 'model:same', 'split:moved', 'eval:same']);
  });

  it('reports a step that was moved and changed', () => {
    const model = step('model', 'model.mlp-classifier', { hiddenLayers: [16], learningRate: 0.05 });
    const d = diffSpecs(base(), pipeline([DATA, model, SPLIT, SCALE, EVAL]));
    expect(d.steps[1]).toMatchObject({ id: 'model', change: 'moved-and-changed', beforeIndex: 3, afterIndex: 1 });
    expect(d.steps[1].params).toEqual([{ name: 'learningRate', before: 0.01, after: 0.05 }]);
    expect(d.changeCount).toBe(1);
  });

  it('reports a toggled enabled flag as a change', () => {
    const d = diffSpecs(base(), pipeline([DATA, SPLIT, step('scale', 'transform.standardize', {}, false), MODEL, EVAL]));
    const scale = d.steps.find((s) => s.id === 'scale');
    expect(scale).toMatchObject({ change: 'changed', params: [], enabled: { before: true, after: false } });
    expect(d.changeCount).toBe(1);
  });

  it('treats the same id with a different kind as removed + added', () => {
    const d = diffSpecs(base(), pipeline([DATA, SPLIT, SCALE, step('model', 'model.logistic-regression', {}), EVAL]));
    expect(changes(d.steps)).toEqual(['data:same', 'split:same', 'scale:same', 'model:removed', 'model:added', 'eval:same']);
    expect(d.steps[3]).toMatchObject({ kind: 'model.mlp-classifier', beforeIndex: 3, afterIndex: null });
    expect(d.steps[4]).toMatchObject({ kind: 'model.logistic-regression', beforeIndex: null, afterIndex: 3 });
    expect(d.changeCount).toBe(2);
  });

  it('counts every difference together', () => {
    const after = pipeline([SPLIT, DATA, step('scale', 'transform.standardize', {}, false), EVAL], 1, 'other');
    const d = diffSpecs(base(), after);
    expect(changes(d.steps)).toEqual(['split:moved', 'data:same', 'scale:changed', 'model:removed', 'eval:same']);
    expect(d.changeCount).toBe(5);
  });
});
