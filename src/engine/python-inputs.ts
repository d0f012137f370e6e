import type { PipelineSpec } from '../core/spec';
import { tableToCsv } from '../core/csv-writer';
import { stepCatalog } from '../steps/catalog';
import { pythonOf } from '../steps/python-catalog';
import { runPipeline, type RunOptions } from './run-pipeline';

/** Data sets Python can load by name from scikit-learn (the bundled CSVs are its copies). */
export const SKLEARN_DATASETS: ReadonlySet<string> = new Set(['iris', 'wine', 'breast_cancer', 'digits', 'diabetes']);

/** What an exported Python script needs besides the spec: pipelab's exact test rows, and the data when Python cannot load it by name. */
export interface PythonInputs {
  readonly testRows: number[];
  readonly dataCsv: string | null;
}

/** Runs the pipeline up to its split (no model) to get the test rows and, if needed, the data as CSV. */
export async function pythonInputs(spec: PipelineSpec, opts: RunOptions): Promise<PythonInputs> {
  const splitAt = spec.steps.findIndex((s) => s.enabled && stepCatalog.describe(s.kind)?.category === 'split');
  if (splitAt < 0) throw new Error('The pipeline has no train/test split, so there is no test set to export.');
  const { record, outputs } = await runPipeline({ ...spec, steps: spec.steps.slice(0, splitAt + 1) }, opts);
  if (record.status !== 'done') throw new Error(record.error?.message ?? `The run ${record.status}.`);
  const split = outputs.find((o) => o.stepId === spec.steps[splitAt].id)?.state.split;
  const data = spec.steps.find((s) => s.enabled);
  const dataset = data && pythonOf(data.kind)?.data?.python(data.params).dataset;
  const loadable = typeof dataset === 'string' && SKLEARN_DATASETS.has(dataset);
  const table = outputs[0]?.state.table;
  return { testRows: Array.from(split?.test ?? []), dataCsv: loadable || !table ? null : tableToCsv(table) };
}
