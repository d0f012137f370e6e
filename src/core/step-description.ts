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
  /** The id a new step of this kind gets ("scale", "encode"; a number is added when taken); default: its kind's last part. */
  readonly shortId?: string;
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

/** A Python script being written: its imports, and the helpers (functions and step classes) it defines by key. */
export interface PythonScript extends PythonImports {
  helper(key: string): void;
}

/** What the Python export knows about the data when it writes a step's notes. */
export interface PythonFacts {
  /** The data has exactly two classes (scikit-learn's networks then end in one logistic unit). */
  readonly twoClasses: boolean;
  /** The task of the data (and so of the script's model). */
  readonly task: Task;
  /** The data may hold label (text) columns. */
  readonly labels: boolean;
}

/**
 * A transform's part of the Python script: step objects (Python expressions with fit(X, y, names)
 * and transform(X), applied with fit_apply), or `keepRows`, the name of a script function
 * f(X, y) giving the mask of rows kept, applied to each set on its own.
 */
export type TransformPython = { readonly steps: readonly string[] } | { readonly keepRows: string };

/** What a transform step tells the Python export (pure text). */
export interface TransformDescription<P = ParamValues> {
  /** Its part of the script for these params and the data's task (throws when the params cannot be written). */
  python(params: P, out: PythonScript, task: Task): TransformPython;
  /** What the exported script cannot reproduce exactly, in words. */
  pythonNotes?(params: P, facts: PythonFacts): string[];
}

/** The data a data step's params make, as the Python export needs to know it. */
export interface PythonData {
  readonly target: string;
  readonly task: Task;
  /** A built-in data set's name (the script loads scikit-learn's copy where it bundles one), else null: the data goes into the script as CSV. */
  readonly dataset: string | null;
  /** How many classes the data has when the params alone say (null: the data decides). */
  readonly classes: number | null;
  /** The data may hold label (text) columns. */
  readonly labels: boolean;
  /** The name of the user's file the data is read from, or null (a notebook may read a large one from disk). */
  readonly fileName: string | null;
}

/** What a data step tells the Python export. */
export interface DataDescription<P = ParamValues> {
  python(params: P): PythonData;
}

/** What an evaluate step tells the Python export. */
export interface EvaluationDescription {
  /** The script's line that adds its metrics to `results` (helpers it needs recorded through `out`). */
  python(out: PythonScript): string;
}

/** The task an evaluate step scores, read from its needs; null for any other step. */
export function scoredTask(description: StepDescription): Task | null {
  if (description.category !== 'evaluate') return null;
  return description.needs?.includes('regression') ? 'regression' : description.needs?.includes('classification') ? 'classification' : null;
}

/**
 * What a model step tells the main thread: the task it serves and its Python export
 * (pure text, no numerics), so sharing and exporting never load step code.
 */
export interface ModelDescription<P = ParamValues> {
  /** The task it serves: the evaluation that scores it must serve the same one. */
  readonly task: Task;
  /**
   * What the training replay steps through: its training (epochs, or lbfgs iterations), a
   * tree's depth, or a forest's trees; absent: the model has no replay.
   */
  readonly replay?: 'training' | 'depth' | 'trees';
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

/**
 * A step's Python export, declared in a sibling module of the step (`<step>.python.ts`, listed
 * in steps/python-catalog.ts) so that the start page, which holds the description, never
 * carries its text: what a data step makes, a transform's part of the script, an evaluation's
 * line, or why the export refuses the step. (Model steps keep theirs in ModelDescription.)
 */
export interface StepPython<P = ParamValues> {
  readonly data?: DataDescription<P>;
  readonly transform?: TransformDescription<P>;
  readonly evaluation?: EvaluationDescription;
  /** Why the Python export refuses this step (a whole sentence: what to do instead). */
  readonly refusal?: string;
}

/** A step kind's Python export, with the kind it belongs to. */
export interface StepPythonDeclaration extends StepPython {
  readonly kind: string;
}

/** Declares a step's Python export beside its description (the params typed by its schema). */
/* @__NO_SIDE_EFFECTS__ */
export function describePython<const P extends ParamSchemas>(description: TypedDescription<P>, code: StepPython<ParamsOf<P>>): StepPythonDeclaration {
  return { kind: description.kind, ...(code as StepPython) };
}

/** Declares a step's description (identity; keeps the literal types of its param schemas). */
/* @__NO_SIDE_EFFECTS__ */
export function describeStep<const P extends ParamSchemas>(description: TypedDescription<P>): TypedDescription<P> {
  return description;
}
