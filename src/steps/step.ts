import type * as TF from '@tensorflow/tfjs';
import type { ParamSchemas, ParamsOf } from '../core/params';
import type { Prng } from '../core/prng';
import type { EpochRecord, FittedModel, ModelInfo, PipelineState } from '../core/state';
import type { TypedDescription } from '../core/step-description';
import type { Column, Table } from '../core/table';

/** The tfjs namespace, handed to steps by the engine (steps never import tfjs themselves). */
export type Tf = typeof TF;

/** A data file a data step needs, resolved by the engine's data source. */
export interface DataRef {
  /** File name, e.g. "iris.csv" or "penguins.json". */
  readonly file: string;
  readonly format: 'csv' | 'tsv' | 'json';
  /** Who ships the file: pipelab itself (public/datasets), or the user (file = content hash). */
  readonly origin: 'pipelab' | 'user';
  /** For the user's files: the name it was imported under (for messages). */
  readonly name?: string;
}

/** A data file's text with its SHA-256, as the engine loaded it. */
export interface LoadedData {
  readonly ref: DataRef;
  readonly text: string;
  readonly hash: string;
}

/** What a step gets from the engine besides its input and params. */
export interface StepContext {
  readonly tf: Tf;
  readonly stepId: string;
  /** This step's own seed, derived from (pipeline seed, step id). */
  readonly seed: number;
  /** A generator seeded with `seed`, fresh for every run of the step. */
  readonly rng: Prng;
  readonly signal: AbortSignal;
  /** Data loaded for this step when its `dataRef` named a file. */
  readonly data: LoadedData | null;
  /** Epsilon handed to optimizers explicitly (it depends on the backend's float precision). */
  readonly epsilon: number;
  /** Reports a finished training epoch. */
  onEpoch(record: EpochRecord, epochs: number): void;
  /** Reports work done so far out of the total, for steps without epochs (a forest's trees). */
  onProgress?(done: number, total: number, unit: string): void;
  /** Present when the engine records a training replay (never part of the step's output). */
  readonly replay?: ReplayHook;
}

/**
 * How a training step reports its model part-way through, for the training replay: it asks
 * `wants` after each epoch and, only when true, builds the model as it stands and hands it to
 * `record` (which keeps what it needs and may not keep the model's arrays).
 */
export interface ReplayHook {
  wants(epoch: number, totalEpochs: number): boolean;
  record(epoch: number, totalEpochs: number, model: FittedModel): void;
}

/**
 * Everything about a fitted model kind beyond `run`: how it predicts new rows, which
 * backend it needs, and its TF.js form. The engine reads only this (the task and the
 * Python export are in the description, see ModelDescription).
 */
export interface ModelCode<P, I extends ModelInfo = ModelInfo> {
  /**
   * Present for dense networks trained on the tfjs backend: their hidden units in all
   * (Auto's backend rule). Absent: the model computes in plain float64 JavaScript and
   * does not depend on the backend.
   */
  networkUnits?(params: P): number;
  /**
   * Predictions for new row-major rows in the model's feature order: class probabilities
   * (rows × classes) of a classifier, values of a regressor. `tf` is null where the caller
   * has none (plain replays); models that need it then return null.
   */
  predict?(model: FittedModel<I>, x: ArrayLike<number>, tf: Tf | null): Float32Array | Float64Array | null;
  /** True when predict gives the softmax of decision scores rather than probabilities (a linear SVM): try it says so. */
  readonly scores?: boolean;
  /** The fitted model as a stack of TF.js layers (weights set), for the TF.js model export. */
  layers?(tf: Tf, model: FittedModel<I>): TF.LayersModel;
}

/** The code half of a step: what runs in the worker and the CLI, never on the main thread; `F` types a transform's fitted state. */
export interface StepCode<P extends ParamSchemas, I extends ModelInfo = ModelInfo, F = unknown> {
  /** The data file this step needs for these params, if any. */
  dataRef?(params: ParamsOf<P>): DataRef | null;
  /** Computes the output state; must leave no tensor behind. */
  run(ctx: StepContext, input: PipelineState, params: ParamsOf<P>): Promise<PipelineState>;
  /** Model steps: prediction, backend and TF.js export (task and Python export are in the description). */
  readonly fitted?: ModelCode<ParamsOf<P>, I>;
  /**
   * Transform steps: the columns the step gives new rows (try it) with the state its run recorded
   * under its step id (`fitted`; undefined for a step that learns nothing), never refitting. It
   * returns the columns it produces or keeps, and fewer rows where it removes some; the caller
   * puts them in the order of the run's output. The arithmetic is the run's own, bit for bit.
   */
  apply?(table: Table, fitted: F, params: ParamsOf<P>, target: string): readonly Column[];
  /** Transform steps that remove rows: the rows of a table they keep, in order (try it traces the run's test rows through them). */
  keptRows?(table: Table, fitted: F): number[];
  /** Transform steps: what a person should know about new rows it applies to (a label the training rows never had). */
  applyNotes?(table: Table, fitted: F): string[];
  /**
   * Transform steps that read the text of label columns (dates), so try it takes any text typed
   * there, not only the data's labels: the label columns the step turns into other columns.
   */
  readonly readsText?: boolean;
}

/** A step kind: its plain-data description plus the code that runs it; `P` types its params, `I` its fitted model's info. */
export interface StepDefinition<P extends ParamSchemas = ParamSchemas, I extends ModelInfo = ModelInfo, F = unknown> extends TypedDescription<P>, StepCode<P, I, F> {}

/**
 * Declares a step from its description (which the main thread imports alone, see
 * catalog.ts) and its code; the params' types come from the description's schema, so
 * the code reads them without casts.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineStep<const P extends ParamSchemas, I extends ModelInfo = ModelInfo, F = unknown>(
  description: TypedDescription<P>,
  code: StepCode<P, I, F>,
): StepDefinition<P, I, F> {
  return { ...description, ...code };
}
