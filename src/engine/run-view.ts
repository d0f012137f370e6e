import type { Evaluation } from '../core/state';
import { runBaseline, type Baseline } from './baseline';
import { getColumn, type NumericColumn } from '../core/table';
import type { Tf } from '../steps/step';
import { decisionBoundary, type DecisionBoundary } from './decision-boundary';
import { ColumnSummaries, buildStepView, type StepView } from './step-view';
import { digestStep, type StepDigest } from './step-digest';
import { tableToCsv } from '../core/csv-writer';
import { findStep } from '../steps/registry';
import type { RunResult } from './run-pipeline';
import type { RunRecord } from './run-record';
import { networkWeights, type NetworkWeights } from './network-weights';

/** Everything the results panel draws, as plain data that crosses the worker boundary. */
export interface RunView {
  readonly record: RunRecord;
  readonly evaluation: Evaluation | null;
  /** Regression: actual and predicted values of the test rows. */
  readonly regression: { readonly actual: Float64Array; readonly predicted: Float64Array } | null;
  readonly boundary: DecisionBoundary | null;
  /** The data view of every step that finished (first rows and column statistics), by step id. */
  readonly stepViews: Readonly<Record<string, StepView>>;
  /** A compact digest of every finished step's output, for reproduce and run diff. */
  readonly digests: Readonly<Record<string, StepDigest>>;
  /** Data sets the run generated (synthetic data steps) as CSV, to be stored once by content hash. */
  readonly generatedData: readonly { readonly stepId: string; readonly csv: string }[];
  /** What a trivial predictor scores on the same test rows (majority class or training mean); absent in runs stored before it existed. */
  readonly baseline?: Baseline | null;
  /** The fitted dense network (MLP, logistic regression) for the network view; absent or null for other models. Not part of the run record. */
  readonly network?: NetworkWeights | null;
}

/** Prepares the results panel's data from a finished run. */
export function buildRunView(tf: Tf, result: RunResult): RunView {
  const stepViews: Record<string, StepView> = {};
  const digests: Record<string, StepDigest> = {};
  const summaries = new ColumnSummaries(); // the steps' outputs share most columns: summarise each once
  result.outputs.forEach((out, i) => {
    const view = buildStepView(out.stepId, out.state, summaries);
    if (view) stepViews[out.stepId] = view;
    digests[out.stepId] = digestStep(out.state, i > 0 ? result.outputs[i - 1].state : null, (c) => summaries.statsOf(c));
  });
  const generatedData = generatedTables(result);
  const last = result.outputs.length ? result.outputs[result.outputs.length - 1].state : null;
  if (!last || result.record.status !== 'done') return { record: result.record, evaluation: null, regression: null, boundary: null, stepViews, digests, generatedData };
  let regression: RunView['regression'] = null;
  if (last.predictions?.values && last.table && last.target && last.split) {
    const truth = (getColumn(last.table, last.target) as NumericColumn).values;
    const rows = last.split.test;
    regression = {
      actual: Float64Array.from(rows, (r) => truth[r]),
      predicted: Float64Array.from(rows, (r) => (last.predictions!.values as Float64Array)[r]),
    };
  }
  const baseline = runBaseline(last);
  const network = networkWeights([...result.outputs].reverse().find((o) => o.state.model)?.state.model);
  return { record: result.record, evaluation: last.evaluation, regression, boundary: decisionBoundary(tf, last), stepViews, digests, generatedData, baseline, network };
}

/** The tables made by data steps that read no file (synthetic data), as CSV. */
function generatedTables(result: RunResult): RunView['generatedData'] {
  return result.outputs.flatMap((out) => {
    const step = result.record.spec.steps.find((s) => s.id === out.stepId);
    const definition = step ? findStep(step.kind) : undefined;
    const generated = definition?.category === 'data' && !definition.dataRef && out.state.table;
    return generated ? [{ stepId: out.stepId, csv: tableToCsv(out.state.table!) }] : [];
  });
}
