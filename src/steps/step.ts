import type * as TF from '@tensorflow/tfjs';
import type { ParamSchemas, ParamsOf } from '../core/params';
import type { Prng } from '../core/prng';
import type { EpochRecord, FittedModel, PipelineState, Task } from '../core/state';
import type { StepDescription } from '../core/step-description';

/** The tfjs namespace, handed to steps by the engine (steps never import tfjs themselves). */
export type Tf = typeof TF;

/** A data file a data step needs, resolved by the engine's data source. */
export interface DataRef {
  /** File name, e.g. "iris.csv" or "penguins.json". */
  readonly file: string;
  readonly format: 'csv' | 'tsv' | 'json';
  /** Who ships the file: pipelab itself (public/datasets), the vega-datasets package, or the user (file = content hash). */
  readonly origin: 'pipelab' | 'vega-datasets' | 'user';
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
}

/** Where a Python script being written collects what it imports ("module" or "module:name"). */
export interface PythonImports {
  use(...names: string[]): void;
}

/** What the Python export knows about the data when it writes a model's notes. */
export interface PythonFacts {
  /** The data has exactly two classes (scikit-learn's networks then end in one logistic unit). */
  readonly twoClasses: boolean;
}

/**
 * Everything about a fitted model kind beyond `run`: how it predicts new rows, which
 * backend it needs, and how it exports. The engine and the Python export read only this.
 */
export interface ModelCode<P> {
  /** The task it serves: the evaluation that scores it must serve the same one. */
  readonly task: Task;
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
  predict?(model: FittedModel, x: ArrayLike<number>, tf: Tf | null): Float32Array | Float64Array | null;
  /** The fitted model as a stack of TF.js layers (weights set), for the TF.js model export. */
  layers?(tf: Tf, model: FittedModel): TF.LayersModel;
  /** Python lines that define `model`, a scikit-learn estimator (throws when the params cannot be written). */
  python(params: P, out: PythonImports): string[];
  /** What the exported script cannot reproduce exactly, in words. */
  pythonNotes?(params: P, facts: PythonFacts): string[];
}

/** A step kind: its plain-data description plus the code that runs it; `P` types its params. */
export interface StepDefinition<P extends ParamSchemas = ParamSchemas> extends StepDescription {
  readonly params: P;
  /** The data file this step needs for these params, if any. */
  dataRef?(params: ParamsOf<P>): DataRef | null;
  /** Computes the output state; must leave no tensor behind. */
  run(ctx: StepContext, input: PipelineState, params: ParamsOf<P>): Promise<PipelineState>;
  /** Model steps: prediction, backend and exports. */
  readonly model?: ModelCode<ParamsOf<P>>;
}

/** Declares a step; infers the params' types from its schema, so `run` reads them without casts. */
export function defineStep<const P extends ParamSchemas>(step: StepDefinition<P>): StepDefinition<P> {
  return step;
}
