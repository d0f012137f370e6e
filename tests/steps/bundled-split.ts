import type { PipelineState } from '../../src/core/state';
import type { CategoricalColumn, NumericColumn } from '../../src/core/table';
import { standardize } from '../../src/steps/transform/standardize';
import { doc, run, spec } from '../helpers';
import { runStep } from './model-fixtures';

// A bundled data set on the fixed split the small reference scripts use (every 4th row
// tests, the rest train), standardized on the training rows, for models compared with
// scikit-learn through committed scores.

/** The bundled data set `name`, split (row % 4 == 0 tests) and standardized on its training rows. */
export async function bundledSplit(name: string): Promise<PipelineState> {
  const { record, outputs } = await run(spec(doc([{ id: 'data', kind: 'data.builtin', params: { name } }])));
  if (record.status !== 'done') throw new Error(`loading ${name} failed: ${record.error?.message}`);
  const state = outputs[0].state;
  const rows = Array.from({ length: state.table!.rowCount }, (_, i) => i);
  const split = { train: Int32Array.from(rows.filter((i) => i % 4 !== 0)), test: Int32Array.from(rows.filter((i) => i % 4 === 0)) };
  return runStep(standardize, { ...state, split });
}

/** Test accuracy (classification) or R² (regression) of a fitted model's predictions. */
export function testScore(state: PipelineState): number {
  const test = Array.from(state.split!.test);
  const target = state.table!.columns.find((c) => c.name === state.target)!;
  const p = state.predictions!;
  if (p.task === 'classification') {
    const codes = (target as CategoricalColumn).codes;
    return test.filter((r) => p.labels![r] === codes[r]).length / test.length;
  }
  const y = (target as NumericColumn).values;
  const mean = test.reduce((s, r) => s + y[r], 0) / test.length;
  const ssRes = test.reduce((s, r) => s + (y[r] - p.values![r]) ** 2, 0);
  const ssTot = test.reduce((s, r) => s + (y[r] - mean) ** 2, 0);
  return 1 - ssRes / ssTot;
}
