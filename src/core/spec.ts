import type { ParamValues } from './params';

/** The format tag every pipeline document carries. */
export const PIPELINE_FORMAT = 'pipelab/pipeline';

/** The newest pipeline format version this build reads and writes. */
export const PIPELINE_VERSION = 1;

/** One step of a pipeline: which kind, its parameters, and whether it takes part. */
export interface StepSpec {
  /** Unique within the pipeline; also feeds the step's derived seed. */
  id: string;
  kind: string;
  params: ParamValues;
  enabled: boolean;
}

/** A pipeline as stored, shared and run: plain data only, no fitted state. */
export interface PipelineSpec {
  format: typeof PIPELINE_FORMAT;
  version: typeof PIPELINE_VERSION;
  name: string;
  /** Unsigned 32-bit integer every random choice of the run derives from. */
  seed: number;
  steps: StepSpec[];
}

/** Limits that keep a hostile or broken document from exhausting memory or time. */
export const SPEC_LIMITS = {
  maxTextLength: 1_000_000,
  maxDepth: 32,
  maxNameLength: 200,
  maxSteps: 100,
  maxStepIdLength: 64,
} as const;

/** Step ids: a letter or digit, then letters, digits, '-' or '_'. */
export const STEP_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
