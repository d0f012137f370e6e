import { defaultParams, type ParamValues } from '../../src/core/params';
import { Prng } from '../../src/core/prng';
import { EMPTY_STATE, type PipelineState } from '../../src/core/state';
import { categoricalColumn, makeTable, numericColumn } from '../../src/core/table';
import type { StepDefinition } from '../../src/steps/step';
import { tf } from '../helpers';

/**
 * A hand-made state for a model step: numeric feature columns, a target (class
 * names → classification, numbers → regression) and the given train/test rows.
 */
export function toyState(features: Record<string, number[]>, target: string[] | number[], train: number[], test: number[] = []): PipelineState {
  const columns = Object.entries(features).map(([name, values]) => numericColumn(name, Float64Array.from(values)));
  const classification = typeof target[0] === 'string';
  const classes = classification ? [...new Set(target as string[])].sort() : [];
  const targetColumn = classification
    ? categoricalColumn('y', Int32Array.from(target as string[], (t) => classes.indexOf(t)), classes)
    : numericColumn('y', Float64Array.from(target as number[]));
  return {
    ...EMPTY_STATE,
    table: makeTable([...columns, targetColumn]),
    target: 'y',
    task: classification ? 'classification' : 'regression',
    split: { train: Int32Array.from(train), test: Int32Array.from(test) },
  };
}

/** Runs a step directly with its defaults overridden by `params`, seeded like the engine would. */
export function runStep(step: StepDefinition, input: PipelineState, params: Partial<ParamValues> = {}, seed = 42): Promise<PipelineState> {
  const ctx = {
    tf, stepId: 'model', seed, rng: new Prng(seed), signal: new AbortController().signal,
    data: null, epsilon: 1e-7, onEpoch: () => {},
  };
  return step.run(ctx, input, { ...defaultParams(step.params), ...params } as ParamValues);
}

/** Row `r` of the predicted class probabilities. */
export function probabilitiesOf(state: PipelineState, r: number): number[] {
  const k = state.predictions!.classes!.length;
  return Array.from(state.predictions!.probabilities!.subarray(r * k, (r + 1) * k));
}

/** A named weight array of the fitted model, as plain numbers. */
export function weightsOf(state: PipelineState, name: string): number[] {
  const w = state.model!.weights.find((x) => x.name === name);
  if (!w) throw new Error(`no weights named ${name}`);
  return Array.from(w.values);
}
