import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EMPTY_STATE, type PipelineState } from '../../src/core/state';
import type { StepDefinition } from '../../src/steps/step';
import { doc, run, spec } from '../helpers';

const iris = { id: 'data', kind: 'data.builtin', params: { name: 'iris' } };
const penguins = { id: 'data', kind: 'data.builtin', params: { name: 'penguins' } };
const wine = { id: 'data', kind: 'data.builtin', params: { name: 'wine' } };
const diabetes = { id: 'data', kind: 'data.builtin', params: { name: 'diabetes' } };
const split = { id: 'split', kind: 'split.train-test' };
const scale = { id: 'scale', kind: 'transform.standardize' };

/** For every step kind: the steps that produce a realistic input for it. */
/** The built-in iris CSV, standing in for a file a user imported. */
export const USER_CSV = readFileSync(path.resolve(import.meta.dirname, '../../public/datasets/iris.csv'), 'utf8');
/** Its content hash, as the import step's `hash` param. */
export const USER_CSV_HASH = createHash('sha256').update(USER_CSV).digest('hex');

/** Params that replace a kind's defaults when the contract suite runs it (defaults that cannot run on their own). */
export const RUN_PARAMS: Record<string, Record<string, unknown>> = {
  'data.import': { name: 'iris.csv', hash: USER_CSV_HASH, target: 'species' },
  // An empty list keeps (or drops) nothing; a real list exercises the step.
  'transform.select-columns': { columns: ['petal_length_cm', 'petal_width_cm'] },
  // The seeded path (lbfgs, the default, is seed-free and tested in logistic-solver.test.ts).
  'model.logistic-regression': { solver: 'adam' },
  'transform.drop-columns': { columns: ['sepal_width_cm'] },
};

export const PREFIXES: Record<string, unknown[]> = {
  'data.builtin': [],
  'data.import': [],
  'data.synthetic': [],
  'data.noise': [],
  'split.train-test': [iris],
  'split.k-fold': [iris],
  'transform.drop-missing': [penguins, split],
  'transform.one-hot': [penguins, { id: 'clean', kind: 'transform.drop-missing' }, split],
  'transform.date-parts': [iris, split],
  'transform.standardize': [iris, split],
  'transform.select-k-best': [wine, split],
  'transform.impute': [penguins, split],
  'transform.min-max': [wine, split],
  'transform.robust-scale': [diabetes, split],
  'transform.ordinal-encode': [penguins, split],
  'transform.polynomial': [iris, split],
  'transform.pca': [wine, split, scale],
  'transform.select-columns': [iris, split],
  'transform.drop-columns': [iris, split],
  'model.logistic-regression': [iris, split, scale],
  'model.mlp-classifier': [iris, split, scale],
  'model.linear-regression': [diabetes, split, scale],
  'model.mlp-regressor': [diabetes, split, scale],
  'model.knn-classifier': [iris, split, scale],
  'model.gaussian-nb': [iris, split, scale],
  'model.decision-tree': [iris, split, scale],
  'model.random-forest': [wine, split, scale],
  'model.linear-svm': [wine, split, scale],
  'model.gradient-boosting': [wine, split, scale],
  'model.gradient-boosting-regressor': [diabetes, split, scale],
  'model.knn-regressor': [diabetes, split, scale],
  'model.decision-tree-regressor': [diabetes, split, scale],
  'model.random-forest-regressor': [diabetes, split, scale],
  'evaluate.classification': [iris, split, scale, { id: 'model', kind: 'model.logistic-regression', params: { epochs: 20 } }],
  'evaluate.classification-report': [iris, split, scale, { id: 'model', kind: 'model.logistic-regression', params: { epochs: 20 } }],
  'evaluate.regression': [diabetes, split, scale, { id: 'model', kind: 'model.linear-regression' }],
};

/** Runs the prefix of `step` and returns the state it hands on. */
export async function inputFor(step: StepDefinition): Promise<PipelineState> {
  const prefix = PREFIXES[step.kind];
  if (!prefix) throw new Error(`No input fixture for ${step.kind}: add one to tests/steps/step-inputs.ts`);
  if (prefix.length === 0) return EMPTY_STATE;
  const { record, outputs } = await run(spec(doc(prefix)));
  if (record.status !== 'done') throw new Error(`Fixture for ${step.kind} failed: ${record.error?.message}`);
  return outputs[outputs.length - 1].state;
}
