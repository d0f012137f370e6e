import { PipelabError } from '../../core/errors';
import type { FittedModel, Task } from '../../core/state';
import { isMissing, type Column, type Table } from '../../core/table';
import { findStep } from '../../steps/registry';
import type { Tf } from '../../steps/step';
import type { RunResult } from '../run-pipeline';
import { fittedPipeline, preprocess, type FittedPipeline } from './fitted-pipeline';
import { rawTable, type RawColumn, type RawRow } from './raw-table';
import { testRowsOf, type TryItTestRow } from './test-rows';

/** What the try-it form needs: the raw columns, the model's classes, and test rows to start from. */
export interface TryItSetup {
  /** The result hash of the run whose fitted pipeline this is: every request names it. */
  readonly runKey: string;
  readonly task: Task;
  readonly target: string;
  readonly columns: readonly RawColumn[];
  /** Classification: the class names, in the order of the probabilities. */
  readonly classes: readonly string[] | null;
  readonly modelLabel: string;
  /** True when the model has no probabilities and the bars show the softmax of its decision scores (linear SVM). */
  readonly scores: boolean;
  /** The first test rows (at most MAX_TEST_ROWS), as raw values with what the run predicted for them. */
  readonly testRows: readonly TryItTestRow[];
  /** How many test rows the run had. */
  readonly testCount: number;
}

/** One prediction for a raw row: the class and its probabilities, or the number; or why there is none. */
export type TryItOutcome =
  | { readonly ok: true; readonly predicted: string | number; readonly probabilities: readonly number[] | null; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** Said when the engine no longer holds the fitted pipeline a request names. */
export const NOT_HELD = 'Run the pipeline to try it: the engine no longer holds the fitted steps of these results (it was restarted, or they were loaded from storage).';

/** The try-it setup of a finished run with a model; null when it has none. */
export function tryItSetup(result: RunResult | null): TryItSetup | null {
  const pipeline = result && result.record.resultHash ? fittedPipeline(result) : null;
  if (!pipeline || !result?.record.resultHash) return null;
  const model = pipeline.model.output.model as FittedModel;
  const columns = rawColumns(pipeline);
  const { testRows, testCount } = testRowsOf(pipeline, columns);
  return {
    runKey: result.record.resultHash,
    task: pipeline.model.output.predictions?.task ?? 'classification',
    target: pipeline.target,
    columns,
    classes: pipeline.model.output.predictions?.classes ?? null,
    modelLabel: findStep(model.kind)?.label ?? model.kind,
    scores: findStep(model.kind)?.fitted?.scores === true,
    testRows,
    testCount,
  };
}

/** The data step's feature columns (every column but the target), with their values for text columns. */
export function rawColumns(pipeline: FittedPipeline): RawColumn[] {
  const table = pipeline.data.state.table as Table;
  const dates = dateColumns(pipeline);
  return table.columns
    .filter((c) => c.name !== pipeline.target)
    .map((c) =>
      c.type === 'numeric'
        ? { name: c.name, kind: 'numeric' }
        : { name: c.name, kind: 'categorical', categories: [...c.categories], ...(dates.has(c.name) ? { freeText: true } : {}) },
    );
}

/** Text columns that a date-parts step turned into numbers: any date may be typed there. */
function dateColumns(pipeline: FittedPipeline): Set<string> {
  const names = new Set<string>();
  for (const step of pipeline.steps) {
    if (!step.definition.readsText) continue;
    const after = new Set(step.output.table?.columns.map((c) => c.name));
    step.input.table?.columns.forEach((c) => c.type === 'categorical' && !after.has(c.name) && names.add(c.name));
  }
  return names;
}

/**
 * Predictions of the run's fitted pipeline for raw rows, one outcome per row: each row goes
 * through the fitted steps (see preprocess) and the model step's own predict.
 */
export async function predictRaw(tf: Tf, result: RunResult | null, runKey: string, rows: readonly RawRow[]): Promise<TryItOutcome[]> {
  const pipeline = result?.record.resultHash === runKey ? fittedPipeline(result) : null;
  if (!pipeline) return rows.map(() => ({ ok: false, message: NOT_HELD }));
  const columns = rawColumns(pipeline);
  const outcomes: TryItOutcome[] = [];
  for (const row of rows) outcomes.push(await predictOne(tf, pipeline, columns, row));
  return outcomes;
}

async function predictOne(tf: Tf, pipeline: FittedPipeline, columns: readonly RawColumn[], row: RawRow): Promise<TryItOutcome> {
  const notes: string[] = [];
  try {
    const table = preprocess(pipeline, rawTable(columns, [row]), notes);
    const model = pipeline.model.output.model as FittedModel;
    const features = (model.info.features as string[]).map((name) => featureOf(table, name));
    const out = modelPredict(tf, model, Float64Array.from(features, (c) => (c.type === 'numeric' ? c.values[0] : NaN)));
    return { ok: true, ...readOutcome(pipeline, out), notes };
  } catch (err) {
    if (err instanceof PipelabError) return { ok: false, message: err.message };
    throw err;
  }
}

function featureOf(table: Table, name: string): Column {
  const col = table.columns.find((c) => c.name === name);
  if (!col) throw new PipelabError(`The model reads a column "${name}" that the pipeline's steps did not make from this row.`);
  if (col.type !== 'numeric' || isMissing(col, 0)) {
    throw new PipelabError(
      `After the pipeline's steps, "${name}" is empty (a value left empty, or one the training rows never had), and the model needs every feature: fill in the empty values.`,
    );
  }
  return col;
}

/** The model step's predict on row-major feature rows in the model's order. */
export function modelPredict(tf: Tf, model: FittedModel, x: Float64Array): Float32Array | Float64Array {
  const out = findStep(model.kind)?.fitted?.predict?.(model, x, tf);
  if (!out) throw new PipelabError(`The ${model.kind} model cannot predict new rows.`);
  return out;
}

function readOutcome(pipeline: FittedPipeline, out: Float32Array | Float64Array): { predicted: string | number; probabilities: number[] | null } {
  const classes = pipeline.model.output.predictions?.classes;
  if (!classes) return { predicted: out[0], probabilities: null };
  const probabilities = Array.from(out.subarray(0, classes.length));
  let best = 0;
  for (let j = 1; j < probabilities.length; j++) if (probabilities[j] > probabilities[best]) best = j;
  return { predicted: classes[best], probabilities };
}

/**
 * A two-feature classifier's class probabilities at points of its decision-boundary map (x, y
 * in the model's own features, as the map's axes); null when the run has no such model.
 */
export function predictPoints(tf: Tf, result: RunResult | null, runKey: string, points: readonly (readonly [number, number])[]): number[][] | null {
  const pipeline = result?.record.resultHash === runKey ? fittedPipeline(result) : null;
  const model = pipeline?.model.output.model;
  const classes = pipeline?.model.output.predictions?.classes;
  if (!model || !classes || (model.info.features as string[] | undefined)?.length !== 2) return null;
  const out = modelPredict(tf, model, Float64Array.from(points.flat()));
  return points.map((_, i) => Array.from(out.subarray(i * classes.length, (i + 1) * classes.length)));
}
