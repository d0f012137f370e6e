import { describe, expect, it } from 'vitest';
import { StepInputError } from '../../src/core/errors';
import { hashValue } from '../../src/core/hash';
import { defaultParams, type ParamValues } from '../../src/core/params';
import { Prng, deriveSeed } from '../../src/core/prng';
import type { PipelineState } from '../../src/core/state';
import { missingCount, type Table } from '../../src/core/table';
import { ALL_STEPS } from '../../src/steps/registry';
import type { StepDefinition } from '../../src/steps/step';
import { doc, run, spec, tf } from '../helpers';
import { RUN_PARAMS, inputFor, inputSteps, taskOf } from './step-inputs';

// The contract suite builds every step's input from what the step declares (step-inputs.ts).
// These tests keep both sides honest: the input built has what the step needs, and what a
// step declares is true of it (without it, the step has nothing to do or refuses clearly).

async function runOn(step: StepDefinition, input: PipelineState): Promise<PipelineState> {
  const params = { ...defaultParams(step.params), ...RUN_PARAMS[step.kind] } as ParamValues;
  const seed = deriveSeed(42, 'step');
  const ctx = { tf, stepId: 'step', seed, rng: new Prng(seed), signal: new AbortController().signal, data: null, epsilon: 1e-7, onEpoch: () => {} };
  return step.run(ctx, input, params);
}

/** The state after a split of a bundled data set (optionally with steps between). */
async function splitOf(name: string, ...between: { id: string; kind: string }[]): Promise<PipelineState> {
  const { record, outputs } = await run(spec(doc([{ id: 'data', kind: 'data.builtin', params: { name } }, ...between, { id: 'split', kind: 'split.train-test' }])));
  if (record.status !== 'done') throw new Error(record.error?.message);
  return outputs[outputs.length - 1].state;
}

const features = (s: PipelineState) => (s.table as Table).columns.filter((c) => c.name !== s.target);

describe.each(ALL_STEPS.filter((s) => s.category !== 'data').map((s) => [s.kind, s] as const))('the input built for %s', (_kind, step) => {
  it('has what the step declares it needs, and runs', async () => {
    const input = await inputFor(step);
    const needs = new Set(step.needs ?? []);
    expect(input.table, 'a table').not.toBeNull();
    expect(input.task).toBe(taskOf(step));
    if (step.category !== 'split') expect(input.split, 'a split').not.toBeNull();
    if (needs.has('labels')) expect(features(input).some((c) => c.type === 'categorical'), 'a label column').toBe(true);
    if (needs.has('gaps')) expect(features(input).some((c) => missingCount(c) > 0), 'a missing value').toBe(true);
    if (needs.has('wide')) expect(features(input).length, 'many features').toBeGreaterThanOrEqual(10);
    if (needs.has('scaled')) expect(inputSteps(step).map((s) => s.kind)).toContain('transform.standardize');
    if (step.category === 'evaluate') expect(input.predictions?.task).toBe(taskOf(step));
    await expect(runOn(step, input)).resolves.toBeTruthy();
  });
});

describe('declared needs are true of the steps', () => {
  const declaring = (need: string) => ALL_STEPS.filter((s) => s.needs?.includes(need as never));

  it.each(declaring('labels').map((s) => [s.kind, s] as const))('%s has nothing to encode without label columns, and encodes them', async (_k, step) => {
    const numeric = await splitOf('iris');
    expect(await hashValue((await runOn(step, numeric)).table)).toBe(await hashValue(numeric.table));
    const labelled = await splitOf('penguins', { id: 'clean', kind: 'transform.drop-missing' });
    expect(await hashValue((await runOn(step, labelled)).table)).not.toBe(await hashValue(labelled.table));
  });

  it.each(declaring('gaps').map((s) => [s.kind, s] as const))('%s has nothing to do without missing values, and handles them', async (_k, step) => {
    const complete = await splitOf('iris');
    expect(await hashValue((await runOn(step, complete)).table)).toBe(await hashValue(complete.table));
    const gappy = await splitOf('penguins');
    const out = await runOn(step, gappy);
    expect(features(out).every((c) => missingCount(c) === 0)).toBe(true);
  });

  it.each(ALL_STEPS.filter((s) => s.category === 'model').map((s) => [s.kind, s] as const))('model %s refuses label features and the other task, saying what to do', async (_k, step) => {
    const labelled = await splitOf('penguins', { id: 'clean', kind: 'transform.drop-missing' });
    // (A regression model meets the classification target first, and says so.)
    await expect(runOn(step, labelled)).rejects.toThrow(taskOf(step) === 'classification' ? /One-hot encode/ : /is for regression/);
    const other = await splitOf(taskOf(step) === 'regression' ? 'iris' : 'diabetes');
    await expect(runOn(step, other)).rejects.toThrow(StepInputError);
  });

  it.each(ALL_STEPS.filter((s) => s.category === 'evaluate').map((s) => [s.kind, s] as const))('evaluation %s refuses the predictions of the other task', async (_k, step) => {
    const otherTask = taskOf(step) === 'regression' ? 'classification' : 'regression';
    const model = ALL_STEPS.find((s) => s.model?.task === otherTask) as StepDefinition;
    const input = await runOn(model, await inputFor(model));
    await expect(runOn(step, input)).rejects.toThrow(StepInputError);
  });
});
