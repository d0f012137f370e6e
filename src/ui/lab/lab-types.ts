import type { Divergence } from '../../engine/divergence';

/** One run of a seed study: which seed, which repetition, and what it scored. */
export interface SeedStudyPoint {
  readonly seed: number;
  /** 0 for the seed sweep; 1.. for the repeats of the pipeline's own seed. */
  readonly repeat: number;
  /** True for the runs that repeat the pipeline's own seed. */
  readonly sameSeed: boolean;
  readonly metrics: Readonly<Record<string, number>>;
  readonly resultHash: string | null;
}

/** Progress and results of a seed study. */
export interface SeedStudy {
  readonly baseSeed: number;
  readonly seeds: number;
  readonly repeats: number;
  readonly backend: string;
  readonly points: readonly SeedStudyPoint[];
  readonly done: number;
  readonly total: number;
  readonly status: 'running' | 'done' | 'failed' | 'cancelled';
  readonly error: string | null;
}

/** The pipeline run on one backend, measured against the cpu reference. */
export interface BackendResult {
  readonly backend: string;
  readonly status: 'pending' | 'running' | 'done' | 'failed' | 'unavailable';
  readonly floatPrecision: number | null;
  readonly metrics: Readonly<Record<string, number>>;
  readonly resultHash: string | null;
  readonly ms: number | null;
  /** Largest |prediction − cpu prediction| over the test rows (null for cpu itself or when not comparable). */
  readonly maxPredictionDiff: number | null;
  /** metric − cpu metric, by metric name. */
  readonly metricDiffs: Readonly<Record<string, number>>;
  readonly error: string | null;
}

/** The outcome of re-running a stored run. */
export interface Reproduction {
  readonly runId: string;
  readonly backend: string;
  readonly status: 'running' | 'done' | 'failed';
  readonly divergence: Divergence | null;
  readonly error: string | null;
}
