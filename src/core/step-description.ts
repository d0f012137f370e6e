import type { ParamSchemas } from './params';

/** The five kinds of step, in the order a pipeline uses them. */
export const STEP_CATEGORIES = ['data', 'split', 'transform', 'model', 'evaluate'] as const;

/** One of the step categories. */
export type StepCategory = (typeof STEP_CATEGORIES)[number];

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
  readonly params: ParamSchemas;
  /** Whether the step draws random numbers (its output then depends on the seed). */
  readonly usesRandomness: boolean;
  /**
   * The step learns something from the rows it sees (means, categories, selected
   * columns…), so it must come after the split, or it leaks test rows into training.
   */
  readonly fitsOnData?: boolean;
}

/** Lookup of step descriptions by kind, as restore and the UI need it. */
export interface StepCatalog {
  describe(kind: string): StepDescription | undefined;
  kinds(): readonly string[];
}
