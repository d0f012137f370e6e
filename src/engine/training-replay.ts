// The training replay: the model step's model at chosen epochs (see core/snapshot-schedule.ts),
// recorded in the worker while it trains. Recording keeps only copies of the weights (cheap,
// inside the run); the frames the view draws (the decision-boundary grid of two-feature
// classifiers, the train and test metric, the network's kernels) are computed from them in the
// worker when the page asks, after the result is on screen. Never part of the run record.
import { snapshotEpochs } from '../core/snapshot-schedule';
import type { FittedModel, PipelineState } from '../core/state';
import type { ReplayHook, Tf } from '../steps/step';
import { decisionBoundary, type DecisionBoundary } from './decision-boundary';
import { isDenseNetwork, networkWeights } from './network-weights';
import { ReplayScorer, type ReplayMetric } from './replay-metrics';

/** What one step of a replay is: a training epoch, an L-BFGS iteration, a tree's depth, a forest's tree count. */
export type ReplayUnit = 'epoch' | 'iteration' | 'depth' | 'tree';

/** What the view draws at one recorded epoch (or L-BFGS iteration). */
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

/** A model step's recorded training, as the scrubber shows it. */
export interface TrainingReplay {
  readonly stepId: string;
  readonly kind: string;
  /** Epochs (L-BFGS: iterations) the training ran; the last snapshot is at this epoch. */
  readonly totalEpochs: number;
  readonly unit: ReplayUnit;
  readonly metric: ReplayMetric;
  readonly snapshots: readonly ReplaySnapshot[];
  /** Why the network view does not follow the replay (too many weights to keep 30 copies of); null when it does. */
  readonly networkNote: string | null;
  /** Bytes the snapshots' arrays hold. */
  readonly bytes: number;
}

/** One recorded epoch: the model as it stood (weights copied), or, past the weight cap, its frame computed at once. */
type Recorded = { readonly epoch: number; readonly model: FittedModel } | { readonly epoch: number; readonly frame: ReplaySnapshot };

/** What recording leaves after a run: enough to compute the replay's frames later. */
export interface RecordedTraining {
  readonly stepId: string;
  readonly input: PipelineState;
  readonly totalEpochs: number;
  readonly kind: string;
  readonly unit: ReplayUnit;
  readonly epochs: readonly Recorded[];
  /** The network's weight count when it is over MAX_REPLAY_WEIGHTS (its snapshots keep no weights); else 0. */
  readonly tooBig: number;
  /** Bytes of the weights the recording holds. */
  readonly bytes: number;
}

/** Network weights a replay keeps per snapshot at most (200 KB as float32; 30 snapshots stay under 6 MB). */
export const MAX_REPLAY_WEIGHTS = 50_000;
/** Share of the training time the live boundary may take (a grid is computed only while under it). */
export const LIVE_BOUNDARY_SHARE = 0.02;
/** Training time before the first live boundary: a shorter training is over before a boundary could be seen. */
export const LIVE_AFTER_MS = 300;

/**
 * Records one run of one model step: the step asks `wants` after each epoch and hands its
 * model to `record` when true; `finish` adds the final model (so the last snapshot is
 * exactly the result). With `onBoundary`, a snapshot's boundary goes to the page once the
 * training has run `liveAfterMs`, while the grids so far took under LIVE_BOUNDARY_SHARE of its time.
 */
export class ReplayRecorder implements ReplayHook {
  private readonly epochs: Recorded[] = [];
  private schedule: { total: number; epochs: Set<number> } | null = null;
  private tooBig = 0;
  private readonly started = performance.now();
  private liveMs = 0;

  constructor(
    private readonly tf: Tf,
    private readonly stepId: string,
    private readonly input: PipelineState,
    private readonly onBoundary?: (epoch: number, boundary: DecisionBoundary) => void,
    private readonly liveAfterMs = LIVE_AFTER_MS,
  ) {}

  /** Whether the schedule for `totalEpochs` snapshots this epoch. */
  wants(epoch: number, totalEpochs: number): boolean {
    if (this.schedule?.total !== totalEpochs) this.schedule = { total: totalEpochs, epochs: new Set(snapshotEpochs(totalEpochs)) };
    return this.schedule.epochs.has(epoch);
  }

  /** Keeps `model` (or, for a network past the weight cap, its frame) at `epoch`, replacing any at or after it. */
  record(epoch: number, _totalEpochs: number, model: FittedModel): void {
    const at = this.epochs.findIndex((e) => e.epoch >= epoch);
    if (at >= 0) this.epochs.splice(at);
    const weights = model.weights.reduce((n, w) => n + w.values.length, 0);
    if (isDenseNetwork(model.kind) && weights > MAX_REPLAY_WEIGHTS) {
      this.tooBig = weights;
      const frame = frameOf(this.tf, new ReplayScorer(this.tf, this.input), this.input, epoch, model, false);
      if (frame) this.epochs.push({ epoch, frame });
    } else this.epochs.push({ epoch, model });
    this.live(epoch, model);
  }

  /** The recording of a finished step (its final model recorded at its last epoch); null when it trained no epochs. */
  finish(output: PipelineState): RecordedTraining | null {
    const model = output.model;
    const total = output.history?.length ?? 0;
    if (!model || total === 0 || !ReplayScorer.metricOf(model)) return null;
    this.record(total, total, model);
    let bytes = 0;
    for (const e of this.epochs) if ('model' in e) for (const w of e.model.weights) bytes += w.values.byteLength;
    const unit: ReplayUnit = 'solver' in model.info && model.info.solver === 'lbfgs' ? 'iteration' : 'epoch';
    return { stepId: this.stepId, input: this.input, totalEpochs: total, kind: model.kind, unit, epochs: this.epochs, tooBig: this.tooBig, bytes };
  }

  private live(epoch: number, model: FittedModel): void {
    const elapsed = performance.now() - this.started;
    if (!this.onBoundary || elapsed < this.liveAfterMs || this.liveMs > LIVE_BOUNDARY_SHARE * elapsed) return;
    const t = performance.now();
    const boundary = decisionBoundary(this.tf, { ...this.input, model });
    this.liveMs += performance.now() - t;
    if (boundary) this.onBoundary(epoch, boundary);
  }
}

/** The replay's frames, computed from a recording (in the worker that recorded it). */
export function buildReplay(tf: Tf, recorded: RecordedTraining): TrainingReplay | null {
  const metric = ReplayScorer.metricOf({ kind: recorded.kind, weights: [], info: { features: [] } });
  if (!metric) return null;
  const scorer = new ReplayScorer(tf, recorded.input);
  const snapshots: ReplaySnapshot[] = [];
  for (const e of recorded.epochs) {
    const frame = 'frame' in e ? e.frame : frameOf(tf, scorer, recorded.input, e.epoch, e.model, true);
    if (frame) snapshots.push(frame);
  }
  const note = recorded.tooBig
    ? `The network has ${recorded.tooBig.toLocaleString('en')} weights, more than the ${MAX_REPLAY_WEIGHTS.toLocaleString('en')} a replay keeps per snapshot: the network view shows the final weights.`
    : null;
  return { stepId: recorded.stepId, kind: recorded.kind, totalEpochs: recorded.totalEpochs, unit: recorded.unit, metric, snapshots, networkNote: note, bytes: replayBytes(snapshots) };
}

/** The frame of `model` at `epoch`: boundary grid, metrics and (when `keepKernels`) the network's kernels. */
function frameOf(tf: Tf, scorer: ReplayScorer, input: PipelineState, epoch: number, model: FittedModel, keepKernels: boolean): ReplaySnapshot | null {
  const scores = scorer.score(model);
  if (!scores) return null;
  const boundary = decisionBoundary(tf, { ...input, model });
  const net = keepKernels ? networkWeights(model) : null;
  return {
    epoch, train: scores.train, test: scores.test,
    cellClass: boundary?.cellClass ?? null, cellConfidence: boundary?.cellConfidence ?? null, kernels: net?.kernels ?? null,
  };
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
