import type { DecisionBoundary } from './decision-boundary';
import type { StepStatus } from './run-record';

/**
 * Which fold a step runs for, on events of the steps after a k-fold step: `fold`
 * counts from 0, `folds` is k. Absent on every other event.
 */
export interface FoldTag {
  readonly fold?: number;
  readonly folds?: number;
}

/**
 * Events a run streams while it works, for progress bars and live loss curves.
 * Under cross-validation each step after the k-fold step starts and ends once per
 * fold (events tagged with the fold); the run record then holds one line per step.
 */
export type ProgressEvent =
  | ({ readonly type: 'step-start'; readonly stepId: string; readonly index: number } & FoldTag)
  | ({
      readonly type: 'step-end';
      readonly stepId: string;
      readonly index: number;
      readonly status: StepStatus;
      readonly ms: number;
      readonly outputHash: string | null;
    } & FoldTag)
  | ({
      readonly type: 'progress';
      readonly stepId: string;
      /** Units of work finished, out of `total` (e.g. 12 of 50 trees). */
      readonly done: number;
      readonly total: number;
      readonly unit: string;
    } & FoldTag)
  | ({
      readonly type: 'epoch';
      readonly stepId: string;
      readonly epoch: number;
      readonly epochs: number;
      readonly trainLoss: number;
      readonly testLoss: number;
    } & FoldTag)
  | {
      /** A training replay snapshot with a decision boundary (two-feature classifiers, up to LIVE_BOUNDARY_ROWS rows), for the live boundary. */
      readonly type: 'snapshot';
      readonly stepId: string;
      readonly epoch: number;
      readonly boundary: DecisionBoundary;
    };

/** Rows up to which a run streams its replay's boundaries live (each carries the data points). */
export const LIVE_BOUNDARY_ROWS = 5000;
