import type * as TF from '@tensorflow/tfjs';
import type { ParamValues } from '../core/params';
import type { Prng } from '../core/prng';
import type { EpochRecord, PipelineState } from '../core/state';
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

/** A step kind: its plain-data description plus the code that runs it. */
export interface StepDefinition extends StepDescription {
  /** The data file this step needs for these params, if any. */
  dataRef?(params: ParamValues): DataRef | null;
  /** Computes the output state; must leave no tensor behind. */
  run(ctx: StepContext, input: PipelineState, params: ParamValues): Promise<PipelineState>;
}

/** Declares a step (an identity function that gives the object its type). */
export function defineStep(step: StepDefinition): StepDefinition {
  return step;
}
