import type { Task } from '../core/state';

// Lookup tables shared by the Python export and its notes.

/** Transform kinds the export maps to scikit-learn. */
export const TRANSFORMS = ['transform.drop-missing', 'transform.one-hot', 'transform.standardize', 'transform.select-k-best'];
/** Model kinds the export maps, with the task each serves. */
export const MODELS: Readonly<Record<string, Task>> = {
  'model.logistic-regression': 'classification',
  'model.mlp-classifier': 'classification',
  'model.linear-regression': 'regression',
  'model.mlp-regressor': 'regression',
};
/** Evaluation kinds, with the task each scores. */
export const EVALUATIONS: Readonly<Record<string, Task>> = { 'evaluate.classification': 'classification', 'evaluate.regression': 'regression' };
/** Every step kind the export understands. */
export const KNOWN = new Set(['data.builtin', 'data.synthetic', 'data.noise', 'split.train-test', ...TRANSFORMS, ...Object.keys(MODELS), ...Object.keys(EVALUATIONS)]);

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

/** pipelab activation → scikit-learn activation. */
export const ACTIVATIONS: Readonly<Record<string, string>> = { relu: 'relu', tanh: 'tanh', sigmoid: 'logistic' };
/** pipelab optimizer → its name in notes. */
export const OPTIMIZERS: Readonly<Record<string, string>> = { adam: 'Adam', sgd: 'SGD', momentum: 'SGD with momentum', rmsprop: 'RMSProp' };

/** record[key] when key is one of its own properties (never a prototype member). */
export const own = <T>(record: Readonly<Record<string, T>>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.hasOwn(record, key) ? record[key] : undefined;
