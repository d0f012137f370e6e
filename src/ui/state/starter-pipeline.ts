import { restorePipeline } from '../../core/restore';
import type { PipelineSpec, StepSpec } from '../../core/spec';
import { stepCatalog } from '../../steps/catalog';
import type { Task } from '../../core/state';
import type { DataPreview } from '../../steps/data/data-preview';

/** What the user chose in the import preview. */
export interface ImportChoices {
  readonly target: string;
  readonly task: Task;
  /** The feature columns (the target excluded). */
  readonly features: readonly string[];
}

/**
 * A first pipeline for an imported file, built from its preview and the user's
 * choices (no parsing here): rows with missing values dropped when the columns
 * used have any, a split, date columns turned into date parts (cyclical), one-hot
 * encoding for the other label features, scaling, a simple
 * model and its metrics. Everything can be changed afterwards on the cards.
 */
export function starterPipeline(preview: DataPreview, choices: ImportChoices): PipelineSpec {
  const { target, task, features } = choices;
  if (features.length === 0) throw new Error('Choose at least one feature column.');
  const allFeatures = preview.columns.length - 1 === features.length;
  const used = preview.columns.filter((c) => c.name === target || features.includes(c.name));
  const params = { name: preview.name, hash: preview.hash, target, task, columns: allFeatures ? [] : [...features] };
  const steps: StepSpec[] = [{ id: 'data', kind: 'data.import', params, enabled: true }];
  if (used.some((c) => c.missing > 0)) steps.push(step('clean', 'transform.drop-missing'));
  steps.push(step('split', 'split.train-test', { testFraction: 0.25, stratify: task === 'classification' }));
  const dates = (preview.facts ?? []).filter((f) => f.date !== null && features.includes(f.name)).map((f) => f.name);
  if (dates.length) steps.push(step('dates', 'transform.date-parts', { columns: dates, cyclical: true }));
  if (used.some((c) => c.name !== target && c.type === 'categorical' && !dates.includes(c.name))) steps.push(step('encode', 'transform.one-hot'));
  steps.push(step('scale', 'transform.standardize'));
  if (task === 'classification') steps.push(step('model', 'model.logistic-regression', { solver: 'lbfgs' }), step('evaluate', 'evaluate.classification'));
  else steps.push(step('model', 'model.linear-regression', { fitIntercept: true, l2: 0 }), step('evaluate', 'evaluate.regression'));
  // Through the restore path, so every param shows its default on the cards (as a gallery pipeline's do).
  return restorePipeline({ format: 'pipelab/pipeline', version: 1, name: preview.name.replace(/\.[^.]+$/, '') || 'My data', seed: 42, steps }, stepCatalog);
}

function step(id: string, kind: string, params: StepSpec['params'] = {}): StepSpec {
  return { id, kind, params, enabled: true };
}
