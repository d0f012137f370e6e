import type * as TF from '@tensorflow/tfjs';

/** What the training loop needs of an optimizer: one step from the gradients (in variable order), and cleanup. */
export interface Updater {
  apply(gradients: readonly TF.Tensor[]): void;
  dispose(): void;
}
