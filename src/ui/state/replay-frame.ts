// What the results view draws at a scrubbed epoch of a training replay: the snapshot's
// boundary grid over the final boundary's axes and points, its kernels in the final network's
// layout, and a line of text saying where the replay is. Pure functions over plain data.
import type { DecisionBoundary } from '../../engine/decision-boundary';
import type { NetworkWeights } from '../../engine/network-weights';
import type { ReplaySnapshot, ReplayUnit, TrainingReplay } from '../../engine/training-replay';
import type { RunView } from '../../engine/run-view';
import { stepCatalog } from '../../steps/catalog';

/** The final boundary with the snapshot's grid in place of its own (the final one when the snapshot has none). */
export function frameBoundary(final: DecisionBoundary | null | undefined, snapshot: ReplaySnapshot | null): DecisionBoundary | null {
  if (!final) return null;
  if (!snapshot?.cellClass || !snapshot.cellConfidence || snapshot.cellClass.length !== final.cellClass.length) return final;
  return { ...final, cellClass: snapshot.cellClass, cellConfidence: snapshot.cellConfidence };
}

/** The final network with the snapshot's kernels (the final weights when the snapshot kept none). */
export function frameNetwork(final: NetworkWeights | null | undefined, snapshot: ReplaySnapshot | null): NetworkWeights | null {
  if (!final) return null;
  if (!snapshot?.kernels || snapshot.kernels.length !== final.kernels.length) return final;
  return { ...final, kernels: snapshot.kernels };
}

/** "accuracy 85.0%" or "R² 0.412". */
export function formatReplayMetric(replay: TrainingReplay, value: number): string {
  return replay.metric === 'accuracy' ? `${(100 * value).toFixed(1)}%` : value.toFixed(3);
}

/** What one step of the scrubber is called in its buttons and slider ("Back one epoch"). */
export const UNIT_NAMES: Readonly<Record<ReplayUnit, string>> = { epoch: 'epoch', iteration: 'iteration', depth: 'depth level', tree: 'tree' };

/** Whether the replay steps through training epochs (or iterations) that the loss chart shows. */
export const hasLossCurve = (replay: TrainingReplay): boolean => replay.unit === 'epoch' || replay.unit === 'iteration';

/** The replay's heading sentence: a deterministic run replayed is the training itself. */
export function replayTitle(replay: TrainingReplay): string {
  return hasLossCurve(replay) ? 'the same seed trains exactly this way again.' : 'the same seed grows exactly this way again.';
}

/** The line under the scrubber: epoch, which snapshot is drawn, and its train and test metric. */
export function frameCaption(replay: TrainingReplay, epoch: number, snapshot: ReplaySnapshot): string {
  const unit = { epoch: 'Epoch', iteration: 'Iteration', depth: 'Depth', tree: 'Tree' }[replay.unit];
  const metric = replay.metric === 'accuracy' ? 'accuracy' : 'R²';
  const drawn = snapshot.epoch === epoch ? '' : ` (drawn: the snapshot of ${unit.toLowerCase()} ${snapshot.epoch})`;
  return `${unit} ${epoch} of ${replay.totalEpochs}${drawn} · ${metric}: train ${formatReplayMetric(replay, snapshot.train)}, test ${formatReplayMetric(replay, snapshot.test)}`;
}

/** Why a replay looks the way it does (L-BFGS iterations, a network too big to keep), or null. */
export function replayNotes(replay: TrainingReplay): string[] {
  const notes: string[] = [];
  if (replay.unit === 'iteration') notes.push('The lbfgs solver has no epochs: the replay steps through its L-BFGS iterations (each one a step over all training rows).');
  if (replay.unit === 'depth') notes.push('A decision tree grows depth by depth: at depth d the boundary is the tree cut there, each node at that depth predicting the class shares (or mean) of its training rows.');
  if (replay.unit === 'tree') notes.push('A forest grows tree by tree: at tree k the boundary is the vote of its first k trees.');
  if (replay.networkNote) notes.push(replay.networkNote);
  return notes;
}


/** Why a finished run on display has no replay, in words; null when there is nothing to say (no model, not done). */
export function replayAbsence(view: Pick<RunView, 'record'>): string | null {
  const { record } = view;
  if (record.status !== 'done') return null;
  const model = [...record.spec.steps].reverse().find((s) => s.enabled && stepCatalog.describe(s.kind)?.category === 'model');
  if (!model) return null;
  if (record.crossValidation) return 'No replay under cross-validation: the model trains once per fold (the charts show the last fold).';
  if (!stepCatalog.describe(model.kind)?.model?.replay) {
    return 'No replay for this model: it is not trained epoch by epoch (neural networks and logistic regression replay their training, ' +
      'decision trees and random forests their growth; boosting, neighbours, naive Bayes and the one-step linear models have none).';
  }
  return 'Replays are kept for the latest run in this tab only: Run again to replay it — the same seed trains exactly this way again.';
}
