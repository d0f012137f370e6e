import type { FittedModel, WeightArray } from '../../../core/state';
import type { StepContext } from '../../step';
import type { WeightSnapshots } from './net-shape';

/**
 * The training loop's snapshot hook for a step whose engine records a replay (undefined
 * otherwise, so the loop copies nothing): the weights become the step's model as it stands.
 */
export function replaySnapshots(ctx: StepContext, epochs: number, toModel: (weights: WeightArray[]) => FittedModel): WeightSnapshots | undefined {
  const hook = ctx.replay;
  if (!hook) return undefined;
  return {
    wants: (epoch) => hook.wants(epoch, epochs),
    take: (epoch, weights) => hook.record(epoch, epochs, toModel(weights)),
  };
}
