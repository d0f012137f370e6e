import type { PipelineSpec, StepSpec } from '../../core/spec';
import { parseUserData, formatOf } from '../../steps/data/parse-user-data';
import { missingCount } from '../../core/table';

/** How many lines of a file the starter looks at (enough to see its columns and types). */
const PREVIEW_LINES = 200;

/**
 * A first pipeline for an imported file: the last column as target (regression
 * when it is numeric with many distinct values), missing rows dropped when there
 * are any, a split, one-hot encoding for label columns, scaling, a simple model
 * and its metrics. Everything can be changed afterwards on the cards.
 */
export function starterPipeline(name: string, hash: string, text: string): PipelineSpec {
  const format = formatOf(name);
  const head = format === 'json' ? text : text.split(/\r?\n/).slice(0, PREVIEW_LINES).join('\n');
  const table = parseUserData(head, format);
  const target = table.columns[table.columns.length - 1];
  const distinct = target.type === 'numeric' ? new Set(target.values).size : 0;
  const task = target.type === 'numeric' && distinct > 10 ? 'regression' : 'classification';
  const features = table.columns.slice(0, -1);
  const steps: StepSpec[] = [{ id: 'data', kind: 'data.import', params: { name, hash, target: target.name, task, columns: [] }, enabled: true }];
  if (table.columns.some((c) => missingCount(c) > 0)) steps.push(step('clean', 'transform.drop-missing'));
  steps.push(step('split', 'split.train-test', { testFraction: 0.25, stratify: task === 'classification' }));
  if (features.some((c) => c.type === 'categorical')) steps.push(step('encode', 'transform.one-hot'));
  steps.push(step('scale', 'transform.standardize'));
  if (task === 'classification') steps.push(step('model', 'model.logistic-regression'), step('evaluate', 'evaluate.classification'));
  else steps.push(step('model', 'model.linear-regression', { fitIntercept: true, l2: 0 }), step('evaluate', 'evaluate.regression'));
  return { format: 'pipelab/pipeline', version: 1, name: name.replace(/\.[^.]+$/, '') || 'My data', seed: 42, steps };
}

function step(id: string, kind: string, params: StepSpec['params'] = {}): StepSpec {
  return { id, kind, params, enabled: true };
}
