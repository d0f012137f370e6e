// The data before any model: the spec cut to its data steps (and split), and the plain
// arrays the data plot draws from their output. Runs through the ordinary engine; it reads
// the runs' cache but writes only its own (see readThrough), so a run's report of what it
// took from the cache stays about runs.
import type { PipelineSpec } from '../core/spec';
import type { Split, Task } from '../core/state';
import type { Table } from '../core/table';
import { findStep } from '../steps/registry';
import { dataPlotSpec } from './data-plot-spec';
import { runPipeline, type RunOptions, type StepOutput } from './run-pipeline';
import type { StepCache } from './step-cache';

/** At most this many rows cross to the page for plotting; larger tables are thinned evenly. */
export const MAX_PLOT_ROWS = 5000;

/** One column of the plotted rows: numeric values (NaN = missing) or category codes (-1 = missing). */
export type DataPlotColumn =
  | { readonly name: string; readonly type: 'numeric'; readonly values: Float64Array }
  | { readonly name: string; readonly type: 'categorical'; readonly codes: Int32Array; readonly categories: readonly string[] };

/** What the data plot draws, as plain typed arrays (tensors never leave the worker). */
export interface DataPlot {
  /** The id of the data step whose table this is. */
  readonly stepId: string;
  /** Rows of the whole table; `rows` are the ones plotted (all of them up to MAX_PLOT_ROWS). */
  readonly rowCount: number;
  readonly rows: Int32Array;
  readonly columns: readonly DataPlotColumn[];
  readonly target: string | null;
  readonly task: Task | null;
  /** Per plotted row: 1 in the test set, 0 in the training set; null before (or without) a train/test split. */
  readonly isTest: Uint8Array | null;
}

/** A cache that reads `own` then `shared` and writes only `own`: the data plot reuses runs' outputs without adding to theirs. */
export function readThrough(own: StepCache, shared: StepCache): StepCache {
  return { get: (key) => own.get(key) ?? shared.get(key), set: (key, value) => own.set(key, value) };
}

/** Runs the data steps (and split) of `spec` and returns their data for plotting, or null when the spec has no data step. */
export async function dataPlot(spec: PipelineSpec, opts: RunOptions): Promise<DataPlot | null> {
  const cut = dataPlotSpec(spec);
  if (!cut) return null;
  const { record, outputs } = await runPipeline(cut, opts);
  if (record.status !== 'done') throw new Error(record.error?.message ?? `The data steps ${record.status}.`);
  return plotFromOutputs(cut, outputs);
}

/**
 * The plot data from the outputs of a cut spec: the table the split divides (the output of
 * the step before the split, e.g. after rows with missing values were dropped) with its
 * train/test flags, or without a split the last data step's table.
 */
export function plotFromOutputs(spec: PipelineSpec, outputs: readonly StepOutput[]): DataPlot | null {
  const isData = (o: StepOutput) => findStep(spec.steps.find((s) => s.id === o.stepId)?.kind ?? '')?.category === 'data';
  const splitAt = outputs.findIndex((o) => o.state.split);
  const source = splitAt > 0 ? outputs[splitAt - 1] : [...outputs].reverse().find(isData);
  const table = source?.state.table;
  if (!source || !table) return null;
  const split = splitAt > 0 ? outputs[splitAt].state.split : null;
  const rows = thinRows(table.rowCount, MAX_PLOT_ROWS);
  return {
    stepId: source.stepId,
    rowCount: table.rowCount,
    rows,
    columns: pickColumns(table, rows),
    target: source.state.target,
    task: source.state.task,
    isTest: split && outputs[splitAt].state.table?.rowCount === table.rowCount ? testFlags(split, rows, table.rowCount) : null,
  };
}

/** Evenly spaced row indices, all rows when there are at most `max`. */
export function thinRows(rowCount: number, max: number): Int32Array {
  const n = Math.min(rowCount, max);
  return Int32Array.from({ length: n }, (_, i) => (n === rowCount ? i : Math.floor((i * rowCount) / n)));
}

function pickColumns(table: Table, rows: Int32Array): DataPlotColumn[] {
  return table.columns.map((c) =>
    c.type === 'numeric'
      ? { name: c.name, type: 'numeric', values: Float64Array.from(rows, (r) => c.values[r]) }
      : { name: c.name, type: 'categorical', codes: Int32Array.from(rows, (r) => c.codes[r]), categories: [...c.categories] },
  );
}

function testFlags(split: Split, rows: Int32Array, rowCount: number): Uint8Array {
  const all = new Uint8Array(rowCount);
  for (const r of split.test) all[r] = 1;
  return Uint8Array.from(rows, (r) => all[r]);
}
