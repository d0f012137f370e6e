import type { Table } from './table';

/** What the target column asks for. */
export type Task = 'classification' | 'regression';

/** Row indices of the training and test sets, each ascending. */
export interface Split {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/** One trained weight array with its shape (row-major). */
export interface WeightArray {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array | Float64Array;
}

/**
 * What every fitted model records in `info`: its feature columns in the order it reads
 * them and, for a classifier, its classes. Each model step extends it with its own facts
 * (layer sizes, k, the solver…) as a type of its own, e.g. `FittedModel<KnnInfo>`.
 */
export type ModelInfo = {
  readonly features: readonly string[];
  readonly classes?: readonly string[];
};

/** The info of a classifier: its classes are always there (the column order of its probabilities). */
export type ClassifierInfo = ModelInfo & { readonly classes: readonly string[] };

/** A trained model as plain data: tensors never leave steps/ and engine/. `I` types its info. */
export interface FittedModel<I extends ModelInfo = ModelInfo> {
  readonly kind: string;
  readonly weights: readonly WeightArray[];
  /** Model facts a person may want to see and its predict reads back (see ModelInfo). */
  readonly info: Readonly<I>;
}

/** A model's predictions for every row of the table. */
export interface Predictions {
  readonly task: Task;
  /** Classification: class names, column order of `probabilities`. */
  readonly classes?: readonly string[];
  /** Classification: row-major rows × classes probabilities. */
  readonly probabilities?: Float32Array;
  /** Classification: the predicted class code of each row. */
  readonly labels?: Int32Array;
  /** Regression: the predicted value of each row. */
  readonly values?: Float64Array;
}

/** One training epoch: mean loss on the training rows and on the test rows. */
export interface EpochRecord {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly testLoss: number;
}

/** Metrics by name, e.g. { accuracy: 0.96 }. */
export type Metrics = Readonly<Record<string, number>>;

/** What an evaluation step measured. */
export interface Evaluation {
  readonly task: Task;
  readonly test: Metrics;
  readonly train: Metrics;
  /** Classification: confusion matrix on the test rows, rows = true class, columns = predicted. */
  readonly confusion?: { readonly classes: readonly string[]; readonly matrix: readonly (readonly number[])[] };
  /** Classification report: one-vs-rest ROC and precision-recall curves, and per-class scores on the test rows. */
  readonly report?: {
    readonly curves: readonly {
      readonly cls: string;
      readonly roc: { readonly x: readonly number[]; readonly y: readonly number[] };
      readonly auc: number;
      readonly pr: { readonly x: readonly number[]; readonly y: readonly number[] };
      readonly averagePrecision: number;
    }[];
    readonly perClass: readonly { readonly cls: string; readonly precision: number; readonly recall: number; readonly f1: number; readonly support: number }[];
  };
}

/** Everything that flows from one step to the next: plain data and typed arrays only. */
export interface PipelineState {
  readonly table: Table | null;
  readonly target: string | null;
  readonly task: Task | null;
  readonly split: Split | null;
  /**
   * k-fold cross-validation: the k train/test splits (every row in exactly one test
   * set). Absent, not null, unless a k-fold step set it, so that the hashes of states
   * without it stay what they were. The engine runs the later steps once per fold.
   */
  readonly folds?: readonly Split[];
  readonly model: FittedModel | null;
  readonly predictions: Predictions | null;
  readonly history: readonly EpochRecord[] | null;
  readonly evaluation: Evaluation | null;
  /** What each step fitted, by step id (means and scales, categories, …), for display. */
  readonly fitted: Readonly<Record<string, unknown>>;
}

/** The state before the first step. */
export const EMPTY_STATE: PipelineState = {
  table: null,
  target: null,
  task: null,
  split: null,
  model: null,
  predictions: null,
  history: null,
  evaluation: null,
  fitted: {},
};
