import { describe, expect, it } from 'vitest';
import { hashValue, sha256Hex } from '../../src/core/hash';
import { defaultParams, restoredParams, validateParam, type ParamValues } from '../../src/core/params';
import { Prng, deriveSeed } from '../../src/core/prng';
import { restorePipeline } from '../../src/core/restore';
import type { PipelineState } from '../../src/core/state';
import { nodeDataSource } from '../../src/cli/node-data-source';
import { stepCatalog } from '../../src/steps/catalog';
import { ALL_STEPS } from '../../src/steps/registry';
import type { LoadedData, StepDefinition } from '../../src/steps/step';
import { doc, tf } from '../helpers';
import { RUN_PARAMS, USER_CSV, USER_CSV_HASH, inputFor } from './step-inputs';
import { withUserData } from '../../src/engine/data-source';

/** Runs one step directly, as the engine would, with the seed derived for id "step". */
async function runStep(step: StepDefinition, input: PipelineState, params: ParamValues, pipelineSeed: number) {
  const ref = step.dataRef?.(params) ?? null;
  let data: LoadedData | null = null;
  if (ref) {
    const text = await withUserData(nodeDataSource, { [USER_CSV_HASH]: USER_CSV }).load(ref);
    data = { ref, text, hash: await sha256Hex(text) };
  }
  const seed = deriveSeed(pipelineSeed, 'step');
  const ctx = {
    tf, stepId: 'step', seed, rng: new Prng(seed), signal: new AbortController().signal,
    data, epsilon: 1e-7, onEpoch: () => {},
  };
  return step.run(ctx, input, params);
}

describe.each(ALL_STEPS.map((s) => [s.kind, s] as const))('step %s', (_kind, step) => {
  const declared = defaultParams(step.params);
  const defaults = { ...declared, ...RUN_PARAMS[step.kind] } as ParamValues;

  it('describes itself as plain data with help for every param', () => {
    expect(step.label.length).toBeGreaterThan(2);
    expect(step.help.length).toBeGreaterThan(20);
    expect(stepCatalog.describe(step.kind)?.params).toBe(step.params); // the catalog holds the step's own description
    for (const [name, schema] of Object.entries(step.params)) {
      expect(schema.help.length, `${name} help`).toBeGreaterThan(10);
      expect(validateParam(schema, declared[name], name)).toEqual(declared[name]);
      expect(validateParam(schema, defaults[name], name)).toEqual(defaults[name]);
    }
  });

  it('round-trips through restore with its defaults filled in', () => {
    const restored = restorePipeline(doc([{ id: 'step', kind: step.kind }]), stepCatalog);
    // A param added after documents were saved without it restores to the value it declares for them (`before`).
    expect(restored.steps[0].params).toEqual(restoredParams(step.params));
    expect(restorePipeline(JSON.parse(JSON.stringify(restored)), stepCatalog)).toEqual(restored);
  });

  it('gives the same output hash for the same seed, leaks no tensor, and reacts to the seed only if random', async () => {
    const input = await inputFor(step);
    const before = tf.memory().numTensors;
    const first = await hashValue(await runStep(step, input, defaults, 42));
    expect(tf.memory().numTensors).toBe(before);
    const second = await hashValue(await runStep(step, input, defaults, 42));
    expect(second).toBe(first);
    const otherSeed = await hashValue(await runStep(step, input, defaults, 7));
    expect(tf.memory().numTensors).toBe(before);
    if (step.usesRandomness) expect(otherSeed).not.toBe(first);
    else expect(otherSeed).toBe(first);
  });

  it('does not change its input', async () => {
    const input = await inputFor(step);
    const before = await hashValue(input);
    await runStep(step, input, defaults, 42);
    expect(await hashValue(input)).toBe(before);
  });
});
