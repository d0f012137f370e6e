import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/core/errors';
import { restorePipeline } from '../../src/core/restore';
import { stepCatalog } from '../../src/steps/catalog';
import { doc } from '../helpers';

const good = () =>
  doc([
    { id: 'data', kind: 'data.builtin', params: { name: 'iris' } },
    { id: 'split', kind: 'split.train-test', params: { testFraction: 0.3 } },
    { id: 'model', kind: 'model.mlp-classifier', params: { hiddenLayers: [8, 4] } },
  ]);

function errorOf(input: unknown): SpecError {
  try {
    restorePipeline(input, stepCatalog);
  } catch (err) {
    expect(err).toBeInstanceOf(SpecError);
    return err as SpecError;
  }
  throw new Error('restore accepted bad input');
}

describe('restorePipeline', () => {
  it('fills defaults and keeps given values', () => {
    const spec = restorePipeline(good(), stepCatalog);
    expect(spec.steps[1].params).toEqual({ testFraction: 0.3, stratify: true });
    expect(spec.steps[2].params.hiddenLayers).toEqual([8, 4]);
    expect(spec.steps[2].params.learningRate).toBe(0.01);
    expect(spec.steps.every((s) => s.enabled)).toBe(true);
  });

  it('round-trips: restoring a restored spec gives the same spec, from JSON text too', () => {
    const once = restorePipeline(good(), stepCatalog);
    expect(restorePipeline(JSON.stringify(once), stepCatalog)).toEqual(once);
  });

  it('does not share list params with the schema defaults', () => {
    const a = restorePipeline(doc([{ id: 'm', kind: 'model.mlp-classifier' }]), stepCatalog);
    (a.steps[0].params.hiddenLayers as number[]).push(99);
    const b = restorePipeline(doc([{ id: 'm', kind: 'model.mlp-classifier' }]), stepCatalog);
    expect(b.steps[0].params.hiddenLayers).toEqual([16]);
  });

  const badCases: [string, () => unknown, string, RegExp][] = [
    ['text that is not JSON', () => '{"format": ', '', /not valid JSON/],
    ['a JSON array', () => '[1,2]', '', /a JSON object/],
    ['a wrong format tag', () => ({ ...good(), format: 'other' }), 'format', /pipelab\/pipeline/],
    ['a future version', () => ({ ...good(), version: 99 }), 'version', /newer pipelab/],
    ['a missing name', () => ({ ...good(), name: undefined }), 'name', /non-empty name/],
    ['a fractional seed', () => ({ ...good(), seed: 1.5 }), 'seed', /integer/],
    ['a negative seed', () => ({ ...good(), seed: -1 }), 'seed', /integer from 0/],
    ['steps that are not a list', () => ({ ...good(), steps: {} }), 'steps', /list of steps/],
    ['an unknown top-level field', () => ({ ...good(), extra: 1 }), 'extra', /unknown field/],
    ['a step that is not an object', () => doc([42]), 'steps[0]', /step object/],
    ['a step id with a space', () => doc([{ id: 'my step', kind: 'data.builtin' }]), 'steps[0].id', /letters, digits/],
    ['duplicate step ids', () => doc([{ id: 'a', kind: 'data.builtin' }, { id: 'a', kind: 'split.train-test' }]), 'steps[1].id', /repeated id "a"/],
    ['an unknown step kind', () => doc([{ id: 'a', kind: 'model.magic' }]), 'steps[0].kind', /unknown kind "model.magic"/],
    ['params that are not an object', () => doc([{ id: 'a', kind: 'data.builtin', params: [] }]), 'steps[0].params', /object of parameters/],
    ['an unknown param', () => doc([{ id: 'a', kind: 'data.builtin', params: { nmae: 'iris' } }]), 'steps[0].params.nmae', /unknown parameter/],
    ['a number out of range', () => doc([{ id: 's', kind: 'split.train-test', params: { testFraction: 5 } }]), 'steps[0].params.testFraction', /from 0.05 to 0.9/],
    ['a string for a number', () => doc([{ id: 's', kind: 'split.train-test', params: { testFraction: '0.2' } }]), 'steps[0].params.testFraction', /the string "0.2"/],
    ['a fraction for an integer', () => doc([{ id: 'm', kind: 'model.mlp-classifier', params: { epochs: 2.5 } }]), 'steps[0].params.epochs', /an integer/],
    ['a choice not offered', () => doc([{ id: 'a', kind: 'data.builtin', params: { name: 'mnist' } }]), 'steps[0].params.name', /one of "iris"/],
    ['a bad list item', () => doc([{ id: 'm', kind: 'model.mlp-classifier', params: { hiddenLayers: [8, 0] } }]), 'steps[0].params.hiddenLayers[1]', /integer from 1/],
    ['an empty layer list', () => doc([{ id: 'm', kind: 'model.mlp-classifier', params: { hiddenLayers: [] } }]), 'steps[0].params.hiddenLayers', /list of 1 to 8/],
    ['a non-boolean enabled', () => doc([{ id: 'a', kind: 'data.builtin', enabled: 'yes' }]), 'steps[0].enabled', /true or false/],
    ['deep nesting', () => JSON.stringify({ ...good(), name: nest(100) }), '', /nesting at most/],
    ['oversized text', () => ' '.repeat(2_000_001), '', /at most 1000000 characters/],
  ];

  it.each(badCases)('rejects %s, naming the field', (_what, input, path, message) => {
    const err = errorOf(input());
    expect(err.path).toBe(path);
    expect(err.message).toMatch(message);
    if (path) expect(err.message.startsWith(`${path}:`)).toBe(true);
  });
});

function nest(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
