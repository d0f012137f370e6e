import { isMissing, type Column, type Table } from '../../core/table';
import type { FittedPipeline } from './fitted-pipeline';
import type { RawColumn, RawValue } from './raw-table';

/** The most test rows the try-it form offers to start from. */
export const MAX_TEST_ROWS = 200;

/** A test row of the run, as the data step gave it, with its true and predicted target. */
export interface TryItTestRow {
  /** Its position among the test rows (0 is the first). */
  readonly index: number;
  /** Raw values in the order of the setup's columns (null: empty). */
  readonly values: readonly RawValue[];
  readonly actual: string | number | null;
  /** What the run predicted for it. */
  readonly predicted: string | number | null;
}

/**
 * The first test rows of the run, traced back to the data step's rows through the steps that
 * drop rows (only Drop rows with missing values does): none when a step changed the row count
 * in another way.
 */
export function testRowsOf(pipeline: FittedPipeline, columns: readonly RawColumn[]): { testRows: TryItTestRow[]; testCount: number } {
  const split = pipeline.model.input.split;
  const origin = originOfRows(pipeline);
  if (!split || !origin) return { testRows: [], testCount: split?.test.length ?? 0 };
  const data = pipeline.data.state.table as Table;
  const raw = columns.map((c) => data.columns.find((d) => d.name === c.name) as Column);
  const modelTable = pipeline.model.input.table as Table;
  const target = modelTable.columns.find((c) => c.name === pipeline.target) as Column;
  const p = pipeline.model.output.predictions;
  const testRows = Array.from(split.test.subarray(0, MAX_TEST_ROWS), (row, index) => ({
    index,
    values: raw.map((col) => valueAt(col, origin[row])),
    actual: valueAt(target, row),
    predicted: p?.labels && p.classes ? p.classes[p.labels[row]] : p?.values ? p.values[row] : null,
  }));
  return { testRows, testCount: split.test.length };
}

/** For each row of the model's input, its row in the data step's output; null when that cannot be traced. */
function originOfRows(pipeline: FittedPipeline): Int32Array | null {
  const data = pipeline.data.state.table as Table;
  let origin = Int32Array.from({ length: data.rowCount }, (_, i) => i);
  for (const step of pipeline.steps) {
    const before = step.input.table?.rowCount ?? 0;
    const after = step.output.table?.rowCount ?? 0;
    if (before === after) continue;
    const kept = step.input.table && step.definition.keptRows?.(step.input.table, step.output.fitted[step.spec.id]);
    if (!kept || kept.length !== after) return null;
    const from = origin;
    origin = Int32Array.from(kept, (r) => from[r]);
  }
  return origin;
}

function valueAt(col: Column, row: number): RawValue {
  if (isMissing(col, row)) return null;
  return col.type === 'numeric' ? col.values[row] : col.categories[col.codes[row]];
}
