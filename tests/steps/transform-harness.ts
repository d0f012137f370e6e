import { defaultParams, type ParamValues } from '../../src/core/params';
import { Prng } from '../../src/core/prng';
import { EMPTY_STATE, type PipelineState, type Task } from '../../src/core/state';
import {
  encodeCategorical, getColumn, makeTable, numericColumn,
  type CategoricalColumn, type Column, type NumericColumn, type Table,
} from '../../src/core/table';
import { findStep } from '../../src/steps/registry';
import { tf } from '../helpers';

/** A numeric column from plain numbers (NaN = missing). */
export const num = (name: string, values: number[]): Column => numericColumn(name, Float64Array.from(values));

/** A categorical column from labels (null = missing), categories sorted. */
export const cat = (name: string, labels: (string | null)[]): Column => encodeCategorical(name, labels);

/** A state holding `columns`, with `target` and, when given, a split into training and test rows. */
export function stateOf(columns: Column[], target: string, train?: number[], task: Task = 'regression'): PipelineState {
  const table = makeTable(columns);
  const split = train ? {
    train: Int32Array.from(train),
    test: Int32Array.from({ length: table.rowCount }, (_, i) => i).filter((i) => !train.includes(i)),
  } : null;
  return { ...EMPTY_STATE, table, target, task, split };
}

/** Runs the registered step `kind` on `input` with its defaults overridden by `params`, as the engine would (step id "t"). */
export async function runKind(kind: string, input: PipelineState, params: Partial<ParamValues> = {}): Promise<PipelineState> {
  const step = findStep(kind);
  if (!step) throw new Error(`No step ${kind}`);
  const ctx = {
    tf, stepId: 't', seed: 1, rng: new Prng(1), signal: new AbortController().signal, data: null, epsilon: 1e-7, onEpoch: () => {},
  };
  return step.run(ctx, input, { ...defaultParams(step.params), ...params } as ParamValues);
}

/** The values of a numeric column as a plain array. */
export function values(table: Table | null, name: string): number[] {
  return [...(getColumn(table!, name) as NumericColumn).values];
}

/** The labels of a categorical column (null = missing). */
export function labels(table: Table | null, name: string): (string | null)[] {
  const col = getColumn(table!, name) as CategoricalColumn;
  return [...col.codes].map((c) => (c < 0 ? null : col.categories[c]));
}

/** Column names of a table. */
export const names = (table: Table | null): string[] => table!.columns.map((c) => c.name);
