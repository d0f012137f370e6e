import { describe, expect, it } from 'vitest';
import type { FittedModel } from '../../src/core/state';
import type { Activation } from '../../src/steps/model/network/neural-net';
import type { NetworkInfo } from '../../src/steps/model/network/network-model';
import { predictProbabilities } from '../../src/engine/predict';
import { netShapeOf } from '../../src/steps/model/network/network-model';
import { tf } from '../helpers';

// As read back from storage: the activation may be anything, whatever the type says.
const fitted = (activation: unknown): FittedModel<NetworkInfo> => ({
  kind: 'model.mlp-classifier',
  weights: [
    { name: 'kernel0', shape: [2, 2], values: Float32Array.of(1, 0, 0, 1) },
    { name: 'bias0', shape: [2], values: Float32Array.of(0, 0) },
    { name: 'kernel1', shape: [2, 2], values: Float32Array.of(1, -1, -1, 1) },
    { name: 'bias1', shape: [2], values: Float32Array.of(0, 0) },
  ],
  info: { layers: [2, 2, 2], activation: activation as Activation, features: ['a', 'b'], classes: ['x', 'y'] },
});

describe('a fitted network read back from its stored state', () => {
  it('knows its activation; an unknown one is an error naming it, never a silent relu', () => {
    expect(netShapeOf(fitted('tanh'), 'softmax')).toEqual({ sizes: [2, 2, 2], activation: 'tanh', output: 'softmax' });
    expect(() => netShapeOf(fitted('swish'), 'softmax')).toThrow(/unknown activation "swish"/);
    expect(() => netShapeOf(fitted(undefined), 'softmax')).toThrow(/unknown activation/);
    expect(() => predictProbabilities(tf, fitted('swish'), Float32Array.of(1, 2))).toThrow(/swish/);
  });

  it('predicts through the step it came from: probabilities that sum to 1 per row', () => {
    const p = predictProbabilities(tf, fitted('relu'), Float32Array.of(3, 0, 0, 3))!;
    expect(p).toHaveLength(4);
    expect(p[0] + p[1]).toBeCloseTo(1, 6);
    expect(p[0]).toBeGreaterThan(p[1]); // row (3, 0) leans to class x
    expect(p[3]).toBeGreaterThan(p[2]);
  });
});
