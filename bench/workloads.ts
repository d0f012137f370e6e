// The fixed benchmark workloads: pipelab specs, shared by the Node and the browser runs.
import { restorePipeline } from '../src/core/restore';
import type { PipelineSpec } from '../src/core/spec';
import { stepCatalog } from '../src/steps/catalog';

/** One benchmark workload: a name, how often to repeat it, and the spec(s) it runs. */
export interface Workload {
  readonly id: string;
  readonly label: string;
  /** Repeats on the fast backends (cpu, wasm) and in scikit-learn; slow workloads get fewer. */
  readonly repeats: number;
  /** Repeats on the slow backend (webgl on SwiftShader), to keep the whole bench near ten minutes. */
  readonly slowRepeats: number;
  /** 'cold': run the spec with no cache; 'edit': run once, then time a learning-rate change; 'import': parse a big CSV. */
  readonly mode: 'cold' | 'edit' | 'import';
  readonly spec: PipelineSpec;
  /** Untimed runs before the timed ones go on for at least this long (cold workloads; one run at least): a fresh worker's JIT needs more than one run of a few milliseconds. */
  readonly warmupMs?: number;
}

/** A restored spec (defaults filled, every step enabled), as the app and the CLI run them. */
/** One step of a workload, as written in a pipeline document. */
type StepDoc = { id: string; kind: string; params: Record<string, unknown> };

function spec(name: string, steps: readonly StepDoc[]): PipelineSpec {
  return restorePipeline({ format: 'pipelab/pipeline', version: 1, name, seed: 42, steps }, stepCatalog);
}

const split = (testFraction: number) => ({ id: 'split', kind: 'split.train-test', params: { testFraction, stratify: true } });
const scale = { id: 'scale', kind: 'transform.standardize', params: {} };
const evaluate = { id: 'evaluate', kind: 'evaluate.classification', params: {} };
const logreg = { id: 'model', kind: 'model.logistic-regression', params: { learningRate: 0.1, epochs: 100, batchSize: 32, l2: 0.1, optimizer: 'adam' } };

/** The digits MLP: 64 ReLU units, Adam 0.001, batch 32, 50 epochs, on 95 % of the rows (a split is required; 90 rows held out). */
export const DIGITS_MLP = spec('bench: digits MLP', [
  { id: 'data', kind: 'data.builtin', params: { name: 'digits' } },
  split(0.05),
  scale,
  { id: 'model', kind: 'model.mlp-classifier', params: { hiddenLayers: [64], activation: 'relu', learningRate: 0.001, optimizer: 'adam', epochs: 50, batchSize: 32, l2: 0.0001 } },
  evaluate,
]);

/** Logistic regression with the iris example's settings (its loss has flattened by epoch 100). */
export function logregSpec(dataset: 'iris' | 'breast_cancer'): PipelineSpec {
  return spec(`bench: ${dataset} logistic regression`, [{ id: 'data', kind: 'data.builtin', params: { name: dataset } }, split(0.25), scale, logreg, evaluate]);
}

/** Logistic regression by L-BFGS with scikit-learn's defaults (C = 1, tol = 1e-4, max_iter = 100), against its lbfgs. */
export function lbfgsSpec(dataset: 'iris' | 'breast_cancer'): PipelineSpec {
  const model = { id: 'model', kind: 'model.logistic-regression', params: { solver: 'lbfgs', C: 1, tol: 0.0001, maxIter: 100 } };
  return spec(`bench: ${dataset} logistic regression (lbfgs)`, [{ id: 'data', kind: 'data.builtin', params: { name: dataset } }, split(0.25), scale, model, evaluate]);
}

/** The penguins pipeline's steps around `model`: data, split, impute, one-hot, standardize, PCA, model, evaluate. */
const penguinsSteps = (model: StepDoc): StepDoc[] => [
  { id: 'data', kind: 'data.builtin', params: { name: 'penguins' } },
  split(0.25),
  { id: 'impute', kind: 'transform.impute', params: { strategy: 'mean' } },
  { id: 'encode', kind: 'transform.one-hot', params: {} },
  scale,
  { id: 'pca', kind: 'transform.pca', params: { nComponents: 4 } },
  model,
  evaluate,
];

/** Penguins: impute, one-hot, standardize, PCA, model (Adam), evaluate (after data and split). */
export const PENGUINS_PIPELINE = spec('bench: penguins 6-step', penguinsSteps(logreg));

/** The penguins pipeline with the solver a new pipeline gets (L-BFGS, scikit-learn's defaults), as scikit-learn fits it. */
export const PENGUINS_LBFGS = spec('bench: penguins 6-step (lbfgs)', penguinsSteps({ id: 'model', kind: 'model.logistic-regression', params: { solver: 'lbfgs', C: 1, tol: 0.0001, maxIter: 100 } }));

/** The iris example as the gallery ships it (the edit-to-result workload changes its learning rate). */
export const IRIS_EXAMPLE = spec('Iris: logistic regression', [
  { id: 'data', kind: 'data.builtin', params: { name: 'iris' } },
  split(0.25),
  scale,
  logreg,
  evaluate,
]);

/** Learning rates the edit-to-result workload cycles through (each one new, so only the model step and after re-run). */
export function editedLearningRate(i: number): number {
  return Number((0.05 + 0.001 * i).toFixed(4));
}

/** A spec with the model's learning rate changed. */
export function withLearningRate(s: PipelineSpec, learningRate: number): PipelineSpec {
  const copy = structuredClone(s);
  const model = copy.steps.find((st) => st.id === 'model');
  if (model) (model.params as Record<string, unknown>).learningRate = learningRate;
  return copy;
}

/** A spec that only imports a CSV file by its content hash. */
export function importSpec(hash: string): PipelineSpec {
  return spec('bench: CSV import', [
    { id: 'data', kind: 'data.import', params: { name: 'bench.csv', hash, target: 'label', task: 'classification' } },
  ]);
}

/** Every workload, in table order. */
export function workloads(quick: boolean): Workload[] {
  const r = (n: number) => (quick ? 1 : n);
  const one = 1;
  // The L-BFGS rows take milliseconds a run: a few repeats on a shared machine gave spreads of ±40 %,
  // so they repeat 40 times on every side (scikit-learn's too: bench/sklearn_bench.py), medians reported,
  // after a second of untimed runs on every side (a fresh worker's first runs were twice as slow).
  const ms = r(40);
  const warmupMs = quick ? 0 : 1000;
  return [
    { id: 'digits-mlp', label: 'digits MLP (64 ReLU, Adam, 50 epochs)', repeats: r(3), slowRepeats: one, mode: 'cold', spec: DIGITS_MLP },
    { id: 'iris-logreg', label: 'iris logistic regression', repeats: r(5), slowRepeats: r(2), mode: 'cold', spec: logregSpec('iris') },
    { id: 'cancer-logreg', label: 'breast_cancer logistic regression', repeats: r(5), slowRepeats: one, mode: 'cold', spec: logregSpec('breast_cancer') },
    { id: 'iris-lbfgs', label: 'iris logistic regression (L-BFGS)', repeats: ms, slowRepeats: r(2), mode: 'cold', spec: lbfgsSpec('iris'), warmupMs },
    { id: 'cancer-lbfgs', label: 'breast_cancer logistic regression (L-BFGS)', repeats: ms, slowRepeats: one, mode: 'cold', spec: lbfgsSpec('breast_cancer'), warmupMs },
    { id: 'penguins-6step', label: 'penguins 6-step pipeline', repeats: r(5), slowRepeats: one, mode: 'cold', spec: PENGUINS_PIPELINE },
    { id: 'penguins-lbfgs', label: 'penguins 6-step pipeline (L-BFGS)', repeats: ms, slowRepeats: one, mode: 'cold', spec: PENGUINS_LBFGS, warmupMs },
    { id: 'iris-edit', label: 'edit-to-result (iris, new learning rate)', repeats: r(7), slowRepeats: r(3), mode: 'edit', spec: IRIS_EXAMPLE },
    { id: 'csv-50mb', label: '50 MB CSV import', repeats: r(3), slowRepeats: one, mode: 'import', spec: IRIS_EXAMPLE },
  ];
}
