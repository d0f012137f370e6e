// The training replay: snapshots of a model step's model at chosen epochs (see
// core/snapshot-schedule.ts), recorded in the worker while it trains. Each keeps what the
// results view draws at that epoch: the decision-boundary grid (two-feature classifiers),
// the train and test metric, and the network's kernels. Never part of the run record.
import { snapshotEpochs } from '../core/snapshot-schedule';
import type { FittedModel, PipelineState } from '../core/state';
import type { ReplayHook, Tf } from '../steps/step';
import { decisionBoundary, type DecisionBoundary } from './decision-boundary';
import { networkWeights } from './network-weights';
import { ReplayScorer, type ReplayMetric } from './replay-metrics';

/** The model as it stood after one epoch (or L-BFGS iteration). */
export interface ReplaySnapshot {
  readonly epoch: number;
  /** The replay's metric (accuracy or R²) on the training rows and on the test rows. */
  readonly train: number;
  readonly test: number;
  /** The decision-boundary grid in DecisionBoundary's format (size×size, row 0 lowest y); null without one. */
  readonly cellClass: Int32Array | null;
  readonly cellConfidence: Float32Array | null;
  /** The network's kernels (as NetworkWeights.kernels); null for other models or past the weight cap. */
  readonly kernels: readonly Float32Array[] | null;
}

/** A model step's recorded training, for the scrubber. */
export interface TrainingReplay {
  readonly stepId: string;
  readonly kind: string;
  /** Epochs (L-BFGS: iterations) the training ran; the last snapshot is at this epoch. */
  readonly totalEpochs: number;
  readonly unit: 'epoch' | 'iteration';
  readonly metric: ReplayMetric;
  readonly snapshots: readonly ReplaySnapshot[];
  /** Why the network view does not follow the replay (too many weights to keep 30 copies of); null when it does. */
  readonly networkNote: string | null;
  /** Bytes the snapshots' arrays hold. */
  readonly bytes: number;
}

/** Network weights a replay keeps per snapshot at most (200 KB as float32; 30 snapshots stay under 6 MB). */
export const MAX_REPLAY_WEIGHTS = 50_000;

/**
 * Records a replay for one run of one model step: the step asks `wants` after each epoch
 * and hands its model to `record` when true; `finish` adds the final model (so the last
 * snapshot is exactly the result) and returns the replay.
 */
export class ReplayRecorder implements ReplayHook {
  private readonly snapshots: ReplaySnapshot[] = [];
  private schedule: { total: number; epochs: Set<number> } | null = null;
  private tooBig = 0;
  private readonly scorer: ReplayScorer;

  constructor(
    private readonly tf: Tf,
    private readonly stepId: string,
    private readonly input: PipelineState,
    private readonly onSnapshot?: (snapshot: ReplaySnapshot, boundary: DecisionBoundary | null) => void,
  ) {
    this.scorer = new ReplayScorer(tf, input);
  }

  /** Whether the schedule for `totalEpochs` snapshots this epoch. */
  wants(epoch: number, totalEpochs: number): boolean {
    if (this.schedule?.total !== totalEpochs) this.schedule = { total: totalEpochs, epochs: new Set(snapshotEpochs(totalEpochs)) };
    return this.schedule.epochs.has(epoch);
  }

  /** Keeps the boundary grid, metrics and kernels of `model` at `epoch`. */
  record(epoch: number, _totalEpochs: number, model: FittedModel): void {
    const boundary = decisionBoundary(this.tf, { ...this.input, model });
    const snapshot = this.snapshotOf(epoch, model, boundary);
    if (!snapshot) return;
    const last = this.snapshots[this.snapshots.length - 1];
    if (last && last.epoch >= epoch) this.snapshots.splice(this.snapshots.findIndex((s) => s.epoch >= epoch));
    this.snapshots.push(snapshot);
    this.onSnapshot?.(snapshot, boundary);
  }

  /** The replay of a finished step: its final model is recorded at its last epoch; null when it trained no epochs. */
  finish(output: PipelineState): TrainingReplay | null {
    const model = output.model;
    const epochs = output.history?.length ?? 0;
    if (!model || epochs === 0) return null;
    this.record(epochs, epochs, model);
    if (this.snapshots.length === 0) return null;
    const metric = ReplayScorer.metricOf(model);
    if (!metric) return null;
    return {
      stepId: this.stepId,
      kind: model.kind,
      totalEpochs: epochs,
      unit: model.info.solver === 'lbfgs' ? 'iteration' : 'epoch',
      metric,
      snapshots: this.snapshots,
      networkNote: this.tooBig ? `The network has ${this.tooBig.toLocaleString('en')} weights, more than the ${MAX_REPLAY_WEIGHTS.toLocaleString('en')} a replay keeps per snapshot: the network view shows the final weights.` : null,
      bytes: replayBytes(this.snapshots),
    };
  }

  private snapshotOf(epoch: number, model: FittedModel, boundary: DecisionBoundary | null): ReplaySnapshot | null {
    const scores = this.scorer.score(model);
    if (!scores) return null;
    const net = networkWeights(model);
    const weights = net ? net.kernels.reduce((n, k) => n + k.length, 0) : 0;
    if (weights > MAX_REPLAY_WEIGHTS) this.tooBig = weights;
    return {
      epoch,
      train: scores.train,
      test: scores.test,
      cellClass: boundary?.cellClass ?? null,
      cellConfidence: boundary?.cellConfidence ?? null,
      kernels: net && weights <= MAX_REPLAY_WEIGHTS ? net.kernels : null,
    };
  }
}

/** Bytes held by the snapshots' typed arrays. */
export function replayBytes(snapshots: readonly ReplaySnapshot[]): number {
  let bytes = 0;
  for (const s of snapshots) {
    bytes += (s.cellClass?.byteLength ?? 0) + (s.cellConfidence?.byteLength ?? 0);
    for (const k of s.kernels ?? []) bytes += k.byteLength;
  }
  return bytes;
}
