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
  it('with WebAssembly SIMD (Node 20, every current browser), runs every pipeline on cpu', () => {
    expect(autoBackend(loadExample('digits-mlp'), 'wasm')).toBe('cpu');
    expect(autoBackend(withModel('model.mlp-classifier', { hiddenLayers: [1024] }), 'webgl', true)).toBe('cpu');
  });

  it('without SIMD, runs logistic regression and networks of up to 16 hidden units on cpu', () => {
    expect(autoBackend(loadExample('iris-logreg'), 'wasm', false)).toBe('cpu');
    expect(autoBackend(loadExample('penguins-mlp'), 'wasm', false)).toBe('cpu');
    expect(autoBackend(withModel('model.mlp-classifier', { hiddenLayers: [8, 8] }), 'wasm', false)).toBe('cpu');
    expect(autoBackend(withModel('model.mlp-regressor', { hiddenLayers: [16] }), 'webgl', false)).toBe('cpu');
  });

  it('without SIMD, runs larger networks on the backend the worker started', () => {
    expect(autoBackend(loadExample('digits-mlp'), 'wasm', false)).toBe('wasm');
    expect(autoBackend(loadExample('spiral-mlp'), 'webgl', false)).toBe('webgl');
    expect(autoBackend(withModel('model.mlp-classifier', { hiddenLayers: [8, 9] }), 'wasm', false)).toBe('wasm');
    expect(autoBackend(withModel('model.mlp-regressor', { hiddenLayers: [17] }), 'wasm', false)).toBe('wasm');
  });

  it('without SIMD, ignores a disabled network, and pipelines without one (they compute in JavaScript) go to cpu', () => {
    expect(autoBackend(withModel('model.mlp-classifier', { hiddenLayers: [64] }, false), 'wasm', false)).toBe('cpu');
    expect(autoBackend(withModel('model.random-forest', {}), 'wasm', false)).toBe('cpu');
  });
});

describe('autoBackend with a calibration', () => {
  const GPU = 'ANGLE (NVIDIA, NVIDIA H100 80GB HBM3)';
  const cal = (renderer: string, cpuMs: number, webglMs: number) => ({ renderer, samples: [{ hiddenUnits: 1024, cpuMs, webglMs }] });

  it('runs large networks on webgl where WebGL measured faster, and the rest on cpu', () => {
    const fast = cal(GPU, 3100, 1000);
    expect(autoBackend(withModel('model.mlp-classifier', { hiddenLayers: [1024] }), 'cpu', true, fast)).toBe('webgl');
    expect(autoBackend(withModel('model.mlp-classifier', { hiddenLayers: [64] }), 'cpu', true, fast)).toBe('cpu');
    expect(autoBackend(loadExample('iris-logreg'), 'cpu', true, fast)).toBe('cpu');
    expect(autoBackend(withModel('model.mlp-classifier', { hiddenLayers: [1024] }, false), 'cpu', true, fast)).toBe('cpu');
  });

  it('stays on cpu where cpu measured faster, or where the renderer is SwiftShader whatever the timings', () => {
    const big = withModel('model.mlp-classifier', { hiddenLayers: [1024] });
    expect(autoBackend(big, 'cpu', true, cal(GPU, 900, 1200))).toBe('cpu');
    expect(autoBackend(big, 'cpu', true, cal('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)', 3100, 10))).toBe('cpu');
  });
});
