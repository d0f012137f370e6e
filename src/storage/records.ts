import type { ParamValue } from '../core/params';
import type { PipelineSpec } from '../core/spec';
import type { RunView } from '../engine/run-view';

/** A pipeline in the workspace: its current (head) spec (its head version is a StoredHead row). */
export interface StoredPipeline {
  readonly id: string;
  name: string;
  /** The spec as last edited (autosaved). */
  spec: PipelineSpec;
  /** Bumped on every write; lets two tabs notice each other's edits. */
  rev: number;
  /** Which tab wrote last (so a tab can ignore the echo of its own writes). */
  writer: string;
  selectedStepId: string | null;
  lastRunId: string | null;
  createdAt: number;
  updatedAt: number;
  /** Set when deleted; the row is kept until purged, so delete can be undone. */
  deletedAt: number | null;
  /** Set when a data file it reads got a new version since its last run (the file name); cleared by the next run. */
  staleData?: string | null;
  /** When this pipeline is a fork of a shared one: what it came from (the original is never changed). */
  forkedFrom?: { readonly name: string; readonly versionHash: string; readonly resultHash: string | null };
}

/**
 * Where a pipeline's history stands: the hash of the version its head descends from
 * (the last run, save or restore). Kept apart from the pipeline row (schema v4) so that
 * recording a version writes this small row, not the whole pipeline with its spec.
 * A pipeline without a row has no head version yet.
 */
export interface StoredHead {
  readonly pipelineId: string;
  readonly hash: string;
}

/** Why a version was recorded. */
export type VersionReason = 'run' | 'save' | 'restore' | 'concurrent-edit' | 'import';

/** A content-addressed snapshot of a pipeline's spec. */
export interface StoredVersion {
  readonly pipelineId: string;
  /** SHA-256 of the canonical spec. */
  readonly hash: string;
  readonly spec: PipelineSpec;
  /** The version this one was made from (null for the first). */
  readonly parent: string | null;
  label: string;
  readonly reason: VersionReason;
  readonly createdAt: number;
}

/** A compact summary of a run for tables and sorting (derived from its record). */
export interface RunSummary {
  readonly status: string;
  readonly backend: string;
  readonly seed: number;
  readonly resultHash: string | null;
  readonly metrics: Readonly<Record<string, number>>;
}

/** One stored run: the full run record inside the view the results panel draws. */
export interface StoredRun {
  readonly id: string;
  readonly pipelineId: string;
  readonly versionHash: string;
  readonly createdAt: number;
  readonly summary: RunSummary;
  readonly view: RunView;
  /** Content hashes (in the datasets table) of the data sets this run generated, by step id. */
  readonly datasetHashes?: Readonly<Record<string, string>>;
  /** Which version of each imported file the run read, by step id (as numbered when the run was stored). */
  readonly dataVersions?: Readonly<Record<string, { readonly name: string; readonly number: number; readonly hash: string }>>;
  /** Set when the run is a point of a sweep: the sweep's id and the point's index in its grid. */
  readonly sweep?: { readonly id: string; readonly point: number };
}

/** A data set stored once by content hash, with its text (as repositories and bundles hand it out). */
export interface StoredDataset {
  readonly hash: string;
  readonly name: string;
  readonly format: 'csv' | 'tsv' | 'json';
  readonly text: string;
  readonly createdAt: number;
  /** Where it came from: a file the user imported, or data a run generated. Older rows lack it (read as 'import'). */
  readonly origin?: 'import' | 'generated';
}

/**
 * A data set's row in IndexedDB: its text, or (files imported in the worker) the UTF-8 bytes of
 * that text as a Blob, which IndexedDB stores without copying 50 MB through a structured clone.
 * getDataset gives either as a StoredDataset.
 */
export type StoredDatasetRow = Omit<StoredDataset, 'text'> & ({ readonly text: string; readonly bytes?: undefined } | { readonly bytes: Blob; readonly text?: undefined });

/** A run's trained model in TensorFlow.js's model format (model.json parts + weight bytes). */
export interface StoredModel {
  readonly runId: string;
  readonly modelTopology: unknown;
  readonly weightSpecs: unknown[];
  readonly weightData: ArrayBuffer;
  readonly format?: string;
  readonly generatedBy?: string;
  readonly createdAt: number;
}

/** A workspace setting (current pipeline, backend choice, …). */
export interface StoredSetting {
  readonly key: string;
  readonly value: unknown;
}

/** Where a sweep point stands: waiting, in flight, finished, or failed. */
export type SweepPointStatus = 'queued' | 'running' | 'done' | 'failed';

/** A sweep as a whole: draining its queue, stopped by the user (resumable), or finished. */
export type SweepStatus = 'running' | 'cancelled' | 'done';

/** One swept parameter of a stored sweep. */
export interface StoredSweepAxis {
  readonly stepId: string;
  readonly param: string;
  readonly values: readonly ParamValue[];
}

/** One point of a stored sweep's grid: its values, its seed, and (once run) its run and metrics. */
export interface StoredSweepPoint {
  /** Param values by "stepId.param". */
  readonly settings: Readonly<Record<string, ParamValue>>;
  readonly seed: number;
  readonly status: SweepPointStatus;
  readonly runId: string | null;
  readonly metrics: Readonly<Record<string, number>>;
  readonly resultHash: string | null;
  readonly error: string | null;
}

/** A parameter sweep of one pipeline: the grid of points, queued in IndexedDB so it survives a reload. */
export interface StoredSweep {
  readonly id: string;
  readonly pipelineId: string;
  /** The spec the grid was expanded from (its seed is the first seed). */
  readonly baseSpec: PipelineSpec;
  readonly axes: readonly StoredSweepAxis[];
  readonly seeds: number;
  /** The metric the settings are ranked by (mean over seeds). */
  readonly metric: string;
  /** The backend the points run on (kept, so a resumed sweep gives the same results). */
  readonly backend: string;
  readonly status: SweepStatus;
  readonly points: readonly StoredSweepPoint[];
  readonly createdAt: number;
  readonly updatedAt: number;
}
