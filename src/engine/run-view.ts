import type { Evaluation } from '../core/state';
import { getColumn, type NumericColumn } from '../core/table';
import type { Tf } from '../steps/step';
import { decisionBoundary, type DecisionBoundary } from './decision-boundary';
import { buildStepView, type StepView } from './step-view';
import type { RunResult } from './run-pipeline';
import type { RunRecord } from './run-record';

/** Everything the results panel draws, as plain data that crosses the worker boundary. */
export interface RunView {
  readonly record: RunRecord;
  readonly evaluation: Evaluation | null;
  /** Regression: actual and predicted values of the test rows. */
  readonly regression: { readonly actual: Float64Array; readonly predicted: Float64Array } | null;
  readonly boundary: DecisionBoundary | null;
  /** The data view of every step that finished (first rows and column statistics), by step id. */
  readonly stepViews: Readonly<Record<string, StepView>>;
}

/** Prepares the results panel's data from a finished run. */
export function buildRunView(tf: Tf, result: RunResult): RunView {
  const stepViews: Record<string, StepView> = {};
  for (const out of result.outputs) {
    const view = buildStepView(out.stepId, out.state);
    if (view) stepViews[out.stepId] = view;
  }
  const last = result.outputs.length ? result.outputs[result.outputs.length - 1].state : null;
  if (!last || result.record.status !== 'done') return { record: result.record, evaluation: null, regression: null, boundary: null, stepViews };
  let regression: RunView['regression'] = null;
  if (last.predictions?.values && last.table && last.target && last.split) {
    const truth = (getColumn(last.table, last.target) as NumericColumn).values;
    const rows = last.split.test;
    regression = {
      actual: Float64Array.from(rows, (r) => truth[r]),
      predicted: Float64Array.from(rows, (r) => (last.predictions!.values as Float64Array)[r]),
    };
  }
  return { record: result.record, evaluation: last.evaluation, regression, boundary: decisionBoundary(tf, last), stepViews };
}
