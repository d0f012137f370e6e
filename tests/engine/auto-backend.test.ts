import { describe, expect, it } from 'vitest';
import { autoBackend } from '../../src/engine/auto-backend';
import { loadExample, spec } from '../helpers';

function withModel(kind: string, params: Record<string, unknown>, enabled = true) {
  const s = spec({
    format: 'pipelab/pipeline', version: 1, name: 't', seed: 1,
    steps: [
      { id: 'data', kind: 'data.builtin', params: { name: 'iris' } },
      { id: 'split', kind: 'split.train-test', params: {} },
      { id: 'model', kind, params },
    ],
  });
  s.steps[2].enabled = enabled;
  return s;
}

describe('autoBackend', () => {
  it('runs logistic regression and networks of up to 16 hidden units on cpu', () => {
    expect(autoBackend(loadExample('iris-logreg'), 'wasm')).toBe('cpu');
    expect(autoBackend(loadExample('penguins-mlp'), 'wasm')).toBe('cpu');
    expect(autoBackend(withModel('model.mlp-classifier', { hiddenLayers: [8, 8] }), 'wasm')).toBe('cpu');
    expect(autoBackend(withModel('model.mlp-regressor', { hiddenLayers: [16] }), 'webgl')).toBe('cpu');
  });

  it('runs larger networks on the backend the worker started', () => {
    expect(autoBackend(loadExample('digits-mlp'), 'wasm')).toBe('wasm');
    expect(autoBackend(loadExample('spiral-mlp'), 'webgl')).toBe('webgl');
    expect(autoBackend(withModel('model.mlp-classifier', { hiddenLayers: [8, 9] }), 'wasm')).toBe('wasm');
    expect(autoBackend(withModel('model.mlp-regressor', { hiddenLayers: [17] }), 'wasm')).toBe('wasm');
  });

  it('ignores a disabled network, and pipelines without one (they compute in JavaScript) go to cpu', () => {
    expect(autoBackend(withModel('model.mlp-classifier', { hiddenLayers: [64] }, false), 'wasm')).toBe('cpu');
    expect(autoBackend(withModel('model.random-forest', {}), 'wasm')).toBe('cpu');
  });
});
