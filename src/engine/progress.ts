import type { StepStatus } from './run-record';

/** Events a run streams while it works, for progress bars and live loss curves. */
export type ProgressEvent =
  | { readonly type: 'step-start'; readonly stepId: string; readonly index: number }
  | {
      readonly type: 'step-end';
      readonly stepId: string;
      readonly index: number;
      readonly status: StepStatus;
      readonly ms: number;
      readonly outputHash: string | null;
    }
  | {
      readonly type: 'epoch';
      readonly stepId: string;
      readonly epoch: number;
      readonly epochs: number;
      readonly trainLoss: number;
      readonly testLoss: number;
    };
