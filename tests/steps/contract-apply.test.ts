import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/hash';
import { defaultParams, type ParamValues } from '../../src/core/params';
import { Prng } from '../../src/core/prng';
import type { PipelineState } from '../../src/core/state';
import { makeTable, takeRows, type Column, type Table } from '../../src/core/table';
import { withUserData } from '../../src/engine/data-source';
import { nodeDataSource } from '../../src/cli/node-data-source';
import { pythonOf } from '../../src/steps/python-catalog';
import { ALL_STEPS } from '../../src/steps/registry';
import type { StepDefinition } from '../../src/steps/step';
import { doc, run, spec, tf } from '../helpers';
import { RUN_PARAMS, inputFor } from './step-inputs';

// Every transform declares how it re-applies its fitted state to new rows (try it) and its
// Python export, and its apply gives the test rows exactly what the run gave them.

const TRANSFORMS = ALL_STEPS.filter((s) => s.category === 'transform');

async function runStep(step: StepDefinition, input: PipelineState, params: ParamValues): Promise<PipelineState> {
  const ctx = { tf, stepId: 'step', seed: 7, rng: new Prng(7), signal: new AbortController().signal, data: null, epsilon: 1e-7, onEpoch: () => {} };
  return step.run(ctx, input, params);
}

/** Each column's cells as plain values (label text, numbers with NaN as the string "NaN"), by column name in order. */
function cells(table: Table): [string, unknown[]][] {
  const value = (col: Column, r: number): unknown =>
    col.type === 'numeric' ? (Number.isNaN(col.values[r]) ? 'NaN' : Object.is(col.values[r], -0) ? '-0' : col.values[r]) : col.codes[r] < 0 ? null : col.categories[col.codes[r]];
  return table.columns.map((col) => [col.name, Array.from({ length: table.rowCount }, (_, r) => value(col, r))]);
}

/** The step's apply on the input's test rows must equal the run's output on those rows, bit for bit. */
async function expectApplyReproducesRun(step: StepDefinition, input: PipelineState, params: ParamValues): Promise<void> {
  const output = await runStep(step, input, params);
  const inputTable = input.table as Table;
  const testIn = input.split?.test ?? Int32Array.from({ length: inputTable.rowCount }, (_, i) => i);
  const testOut = output.split?.test ?? Int32Array.from({ length: (output.table as Table).rowCount }, (_, i) => i);
  const applied = step.apply?.(takeRows(inputTable, testIn), output.fitted.step, params, input.target as string);
  expect(applied, `${step.kind} declares apply`).toBeDefined();
  expect(cells(makeTable(applied ?? []))).toEqual(cells(takeRows(output.table as Table, testOut)));
}

describe.each(TRANSFORMS.map((s) => [s.kind, s] as const))('transform %s', (_kind, step) => {
  it('declares apply, and its Python export or a refusal', () => {
    expect(typeof step.apply).toBe('function');
    const python = pythonOf(step.kind);
    expect(python?.transform !== undefined || (python?.refusal ?? '').length > 20, 'a Python writer or a stated refusal').toBe(true);
  });

  it("applies its fitted state to the test rows exactly as its run did (learning nothing from them)", async () => {
    const params = { ...defaultParams(step.params), ...RUN_PARAMS[step.kind] } as ParamValues;
    await expectApplyReproducesRun(step, await inputFor(step), params);
  });
});

describe('apply on richer inputs than the contract builds', () => {
  const SEATTLE = readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'real', 'seattle-weather.csv'), 'utf8');
  const byKind = (kind: string) => ALL_STEPS.find((s) => s.kind === kind) as StepDefinition;
  const SPLIT = { id: 'split', kind: 'split.train-test', params: { testFraction: 0.3 } };

  async function inputOf(steps: unknown[], files: Record<string, string> = {}): Promise<PipelineState> {
    const { record, outputs } = await run(spec(doc(steps)), { dataSource: withUserData(nodeDataSource, files) });
    expect(record.error).toBeNull();
    return outputs[outputs.length - 1].state;
  }

  it.each([
    ['transform.impute', { strategy: 'constant', fillValue: -2 }],
    ['transform.impute', { strategy: 'most_frequent' }],
    ['transform.drop-missing', {}],
    ['transform.one-hot', {}],
    ['transform.ordinal-encode', {}],
  ])('%s %j on penguins with gaps and labels', async (kind, params) => {
    const step = byKind(kind);
    const input = await inputOf([{ id: 'data', kind: 'data.builtin', params: { name: 'penguins' } }, SPLIT]);
    await expectApplyReproducesRun(step, input, { ...defaultParams(step.params), ...params } as ParamValues);
  });

  it.each([[{}], [{ cyclical: true, year: false }]])('transform.date-parts %j on dates with a time', async (params) => {
    const hash = await sha256Hex(SEATTLE);
    const data = { id: 'data', kind: 'data.import', params: { name: 'seattle-weather.csv', hash, target: 'weather', task: 'classification' } };
    const step = byKind('transform.date-parts');
    const input = await inputOf([data, SPLIT], { [hash]: SEATTLE });
    await expectApplyReproducesRun(step, input, { ...defaultParams(step.params), ...params } as ParamValues);
  });
});
