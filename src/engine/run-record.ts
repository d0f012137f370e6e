import type { PipelineSpec } from '../core/spec';
import type { EpochRecord, Metrics } from '../core/state';

/** Format tag of a run record document. */
export const RUN_FORMAT = 'pipelab/run';

/** Where and with what a run was computed; results reproduce per (backend, precision, tfjs, engine). */
export interface Environment {
  readonly backend: string;
  /** 32 or 16 bits: 16 means float16 textures (many phones on webgl). */
  readonly floatPrecision: number;
  readonly tfjsVersion: string;
  readonly appVersion: string;
  readonly engineVersion: string;
  /** "node v20.20.2", or the browser's user agent. */
  readonly runtime: string;
}

/** What happened to one step of a run. */
export type StepStatus = 'done' | 'cached' | 'skipped' | 'failed' | 'cancelled' | 'not-run';

/** One step's line in the run record. */
export interface StepRecord {
  readonly id: string;
  readonly kind: string;
  readonly status: StepStatus;
  /**
   * SHA-256 of everything the step passed on; null when it did not finish. For a
   * step after a k-fold step (run once per fold): SHA-256 of the canonical JSON
   * array of its k per-fold output hashes, in fold order.
   */
  readonly outputHash: string | null;
  readonly ms: number;
  readonly error?: string;
}

/** What k-fold cross-validation measured: each fold's test metrics, their mean and spread. */
export interface CrossValidation {
  /** k, the number of folds. */
  readonly folds: number;
  /** Test metrics of each fold, in fold order. */
  readonly perFold: readonly Metrics[];
  /** Mean over the folds of each test metric. */
  readonly mean: Metrics;
  /** Population standard deviation over the folds (divided by k, like numpy's `std()`). */
  readonly std: Metrics;
  /** Mean over the folds of each training metric. */
  readonly trainMean: Metrics;
}

/** How the whole run ended. */
export type RunStatus = 'done' | 'failed' | 'cancelled';

/** The full account of one run (DESIGN.md's run record contract). */
export interface RunRecord {
  readonly format: typeof RUN_FORMAT;
  readonly version: 1;
  readonly spec: PipelineSpec;
  /** SHA-256 of the canonical spec: the pipeline version this run ran. */
  readonly versionHash: string;
  readonly seed: number;
  readonly environment: Environment;
  /** SHA-256 over the canonical spec with defaults, data hashes, backend and engine version. */
  readonly configHash: string;
  /** SHA-256 of each data file the run read, by step id. */
  readonly dataHashes: Readonly<Record<string, string>>;
  readonly steps: readonly StepRecord[];
  /** SHA-256 over every step's output hash; null unless the run finished. */
  readonly resultHash: string | null;
  /** Headline metrics on the test rows (under cross-validation: the mean over the folds). */
  readonly metrics: Metrics;
  /** The same metrics on the training rows (under cross-validation: the mean over the folds). */
  readonly trainMetrics: Metrics;
  /** Present only on a finished run with a k-fold step: each fold's test metrics and their spread. */
  readonly crossValidation?: CrossValidation;
  /** Under cross-validation: the last fold's history (the charts show the last fold). */
  readonly history: readonly EpochRecord[];
  readonly timings: { readonly totalMs: number };
  readonly status: RunStatus;
  readonly error: { readonly stepId: string | null; readonly message: string } | null;
  readonly startedAt: string;
}
