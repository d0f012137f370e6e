import type { Task } from '../core/state';
import { ALL_DESCRIPTIONS } from '../steps/catalog';

// Lookup tables shared by the Python export and its notes.

/** Data kinds the export maps: scikit-learn's bundled copy where there is one, else the data embedded as CSV. */
export const DATA = ['data.builtin', 'data.import', 'data.synthetic', 'data.noise'];
/** Transform kinds the export maps to scikit-learn (see python-transforms.ts). */
export const TRANSFORMS = [
  'transform.drop-missing', 'transform.one-hot', 'transform.standardize', 'transform.select-k-best', 'transform.impute',
  'transform.min-max', 'transform.robust-scale', 'transform.ordinal-encode', 'transform.polynomial', 'transform.pca',
  'transform.select-columns', 'transform.drop-columns', 'transform.date-parts',
];
/** Model kinds the export maps, with the task each serves: read from each model step's own declaration. */
export const MODELS: Readonly<Record<string, Task>> = Object.fromEntries(
  ALL_DESCRIPTIONS.flatMap((s) => (s.model ? [[s.kind, s.model.task] as const] : [])),
);
/** Evaluation kinds, with the task each scores. */
export const EVALUATIONS: Readonly<Record<string, Task>> = {
  'evaluate.classification': 'classification',
  'evaluate.classification-report': 'classification',
  'evaluate.regression': 'regression',
};
/** Every step kind the export understands. */
export const KNOWN = new Set([...DATA, 'split.train-test', ...TRANSFORMS, ...Object.keys(MODELS), ...Object.keys(EVALUATIONS)]);

/**
 * Step kinds the export deliberately refuses, with the reason it gives. Every registered
 * kind is either in KNOWN or here (a test checks it), so a new kind is never missed silently.
 */
export const REFUSED: Readonly<Record<string, string>> = {
  'split.k-fold':
    'cross-validation is not exported yet: the script would need all of pipelab\'s folds; ' +
    'replace the k-fold step with a train/test split to export, or run the cross-validation in pipelab (or with npx pipelab run)',
};

/** Python expression turning a bunch's class codes into class names. */
export const LABELS = 'bunch.target_names[bunch.target].astype(object)';
/** The data sets scikit-learn bundles (same rows and column order as pipelab's CSVs); penguins is not one of them. */
export const BUNDLED: Readonly<Record<string, { features: number; classes: number | null; load: string | null; y: string }>> = {
  iris: { features: 4, classes: 3, load: 'load_iris()', y: LABELS },
  wine: { features: 13, classes: 3, load: 'load_wine()', y: LABELS },
  breast_cancer: { features: 30, classes: 2, load: 'load_breast_cancer()', y: LABELS },
  digits: { features: 64, classes: 10, load: 'load_digits()', y: 'bunch.target.astype(str).astype(object)' },
  diabetes: { features: 10, classes: null, load: 'load_diabetes(scaled=False)', y: 'bunch.target.astype(float)' },
  penguins: { features: 0, classes: 3, load: null, y: '' },
};

/** record[key] when key is one of its own properties (never a prototype member). */
export const own = <T>(record: Readonly<Record<string, T>>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.hasOwn(record, key) ? record[key] : undefined;
