import { CancelledError } from '../../../core/errors';
import type { EpochRecord, WeightArray } from '../../../core/state';
import type { TrainOptions } from './net-shape';
import { YIELD_EVERY_MS, yieldToEventLoop } from '../inputs/yield';

/**
 * The epochs of a training run, for both training loops: `train` runs epoch n and
 * returns its train and test losses; each epoch is recorded and reported, the loop
 * yields to the event loop (for progress and cancel messages) every YIELD_EVERY_MS of
 * training rather than every epoch (a short epoch would otherwise pay a timer's minimum
 * delay each time), and stops with a CancelledError once the signal is aborted. When the
 * options ask for replay snapshots, `weightsNow` copies the weights after the epochs wanted.
 */
export async function runEpochs(
  o: Pick<TrainOptions, 'epochs' | 'onEpoch' | 'signal' | 'snapshot'>,
  train: (epoch: number) => Promise<[number, number]> | [number, number],
  weightsNow?: () => WeightArray[] | Promise<WeightArray[]>,
): Promise<EpochRecord[]> {
  const history: EpochRecord[] = [];
  let lastYield = performance.now();
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const [trainLoss, testLoss] = await train(epoch);
    const record = { epoch, trainLoss, testLoss };
    history.push(record);
    o.onEpoch(record);
    if (weightsNow && o.snapshot?.wants(epoch)) o.snapshot.take(epoch, await weightsNow());
    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
    if (o.signal.aborted) throw new CancelledError();
  }
  return history;
}
