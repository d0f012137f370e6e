import { describe, expect, it } from 'vitest';
import { hashValue } from '../../src/core/hash';
import { defaultParams, validateParam, type ParamValues } from '../../src/core/params';
import { Prng, deriveSeed } from '../../src/core/prng';
import type { FittedModel, PipelineState } from '../../src/core/state';
import type { NumericColumn, Table } from '../../src/core/table';
import { ALL_STEPS } from '../../src/steps/registry';
import type { StepDefinition } from '../../src/steps/step';
import { tf } from '../helpers';
import { RUN_PARAMS, inputFor } from './step-inputs';

// scikit-learn's check_estimator, where it applies to pipelab's model steps: predict
// reproduces what the step stored, is deterministic, gives one row what it gives that row
// in a batch, the fit sees training rows only, and params round-trip through the schema.

const MODELS = ALL_STEPS.filter((s) => s.fitted?.predict);

async function fit(step: StepDefinition, input: PipelineState): Promise<PipelineState> {
  const params = { ...defaultParams(step.params), ...RUN_PARAMS[step.kind] } as ParamValues;
  const seed = deriveSeed(42, 'step');
  const ctx = { tf, stepId: 'step', seed, rng: new Prng(seed), signal: new AbortController().signal, data: null, epsilon: 1e-7, onEpoch: () => {} };
  return step.run(ctx, input, params);
}

/** Row-major features of the given rows in the model's feature order. */
function features(state: PipelineState, model: FittedModel, rows: readonly number[]): Float64Array {
  const names = model.info.features;
  const cols = names.map((n) => state.table!.columns.find((c) => c.name === n) as NumericColumn);
  return Float64Array.from(rows.flatMap((r) => cols.map((c) => c.values[r])));
}

/** The input with every numeric feature of the test rows replaced by other numbers. */
function withOtherTestRows(input: PipelineState): PipelineState {
  const table = input.table as Table;
  const test = input.split!.test;
  const columns = table.columns.map((c) => {
    if (c.type !== 'numeric' || c.name === input.target) return c;
    const values = Float64Array.from(c.values);
    test.forEach((r, i) => (values[r] = (i % 7) * 3.5 - 9));
    return { ...c, values };
  });
  return { ...input, table: { ...table, columns } as Table };
}

describe.each(MODELS.map((s) => [s.kind, s] as const))('model %s', (_kind, step) => {
  it('predicts new rows as it predicted them when fitting, deterministically, and one row as in a batch', async () => {
    const input = await inputFor(step);
    const out = await fit(step, input);
    const model = out.model!;
    const all = Array.from({ length: out.table!.rowCount }, (_, i) => i);
    const x = features(out, model, all);
    const predict = step.fitted!.predict!;
    const batch = predict(model, x, tf)!;
    const stored = out.predictions!.task === 'classification' ? out.predictions!.probabilities! : out.predictions!.values!;
    expect(Array.from(batch, (v) => Math.fround(v))).toEqual(Array.from(stored, (v) => Math.fround(v)));
    expect(predict(model, x, tf)).toEqual(batch);
    const width = batch.length / all.length;
    for (const r of [0, 3, all.length - 1]) {
      expect(Array.from(predict(model, features(out, model, [r]), tf)!)).toEqual(Array.from(batch.subarray(r * width, (r + 1) * width)));
    }
  });

  it('learns from the training rows only: other test rows leave the fitted state as it was', async () => {
    const input = await inputFor(step);
    const first = await fit(step, input);
    const second = await fit(step, withOtherTestRows(input));
    expect(await hashValue(second.model)).toBe(await hashValue(first.model));
  });

  it('takes back its params through the schema unchanged', () => {
    const params = { ...defaultParams(step.params), ...RUN_PARAMS[step.kind] } as ParamValues;
    for (const [name, value] of Object.entries(params)) {
      expect(validateParam(step.params[name], JSON.parse(JSON.stringify(value)), name)).toEqual(value);
    }
  });
});
