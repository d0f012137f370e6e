import type { ParamSchemas, ParamValues, ParamsOf } from './params';
import type { MetricSchema } from './metric-schema';
import type { Task } from './state';

/** The five kinds of step, in the order a pipeline uses them. */
export const STEP_CATEGORIES = ['data', 'split', 'transform', 'model', 'evaluate'] as const;

/** One of the step categories. */
export type StepCategory = (typeof STEP_CATEGORIES)[number];

/**
 * What a step needs of the table it gets, beyond what its category implies (a data step
 * first; a split before transforms, models and evaluations; models: number features
 * without gaps, for their task): `labels` label columns to encode, `gaps` missing values
 * to handle, `wide` many feature columns to choose from, `scaled` features on one scale,
 * `classification` / `regression` the task of the model an evaluation scores. The
 * contract suite builds each step's input from these (tests/steps/step-inputs.ts).
 */
export const STEP_NEEDS = ['labels', 'gaps', 'wide', 'scaled', 'classification', 'regression'] as const;

/** One of the declared needs. */
export type StepNeed = (typeof STEP_NEEDS)[number];

/**
 * Everything about a step kind that is plain data: the main thread (palette, forms,
 * restore, share links) knows every step through this without loading tfjs.
 */
export interface StepDescription {
  /** Stable name, e.g. "transform.standardize"; never renamed (add a migration instead). */
  readonly kind: string;
  /** Bumped when the step's output for the same params changes. Part of the config hash. */
  readonly version: number;
  readonly category: StepCategory;
  readonly label: string;
  /** A sentence a student understands: what it does and when to use it. */
  readonly help: string;
  /**
   * The other names people search for it by (scikit-learn class names, "ridge", "scaler",
   * "dummies"…): the palette's filter and `pipelab steps --search` match them.
   */
  readonly keywords?: readonly string[];
  readonly params: ParamSchemas;
  /** Whether the step draws random numbers (its output then depends on the seed). */
  readonly usesRandomness: boolean;
  /**
   * The step learns something from the rows it sees (means, categories, selected
   * columns…), so it must come after the split, or it leaks test rows into training.
   */
  readonly fitsOnData?: boolean;
  /** What the step needs of its input (see STEP_NEEDS); none: any table its category allows. */
  readonly needs?: readonly StepNeed[];
  /** Evaluate steps: the metrics they report (every view, comparison and sweep ranking reads these). */
  readonly metrics?: readonly MetricSchema[];
  /** Model steps: task and Python export. */
  readonly model?: ModelDescription;
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
 * What a model step tells the main thread: the task it serves and its Python export
 * (pure text, no numerics), so sharing and exporting never load step code.
 */
export interface ModelDescription<P = ParamValues> {
  /** The task it serves: the evaluation that scores it must serve the same one. */
  readonly task: Task;
  /** Python lines that define `model`, a scikit-learn estimator (throws when the params cannot be written). */
  python(params: P, out: PythonImports): string[];
  /** What the exported script cannot reproduce exactly, in words. */
  pythonNotes?(params: P, facts: PythonFacts): string[];
}

/** Lookup of step descriptions by kind, as restore and the UI need it. */
export interface StepCatalog {
  describe(kind: string): StepDescription | undefined;
  kinds(): readonly string[];
}

/** A step's description with its params' schemas typed (so the step's code reads them typed). */
export type TypedDescription<P extends ParamSchemas> = Omit<StepDescription, 'params' | 'model'> & {
  readonly params: P;
  readonly model?: ModelDescription<ParamsOf<P>>;
};

/** Declares a step's description (identity; keeps the literal types of its param schemas). */
/* @__NO_SIDE_EFFECTS__ */
export function describeStep<const P extends ParamSchemas>(description: TypedDescription<P>): TypedDescription<P> {
  return description;
}
