import type { PipelineSpec } from '../../core/spec';
import type { EpochRecord } from '../../core/state';
import type { ProgressEvent } from '../../engine/progress';
import type { StepStatus } from '../../engine/run-record';
import type { RunView } from '../../engine/run-view';
import type { DecisionBoundary } from '../../engine/decision-boundary';
import type { TrainingReplay } from '../../engine/training-replay';
import type { StepView } from '../../engine/step-view';
import type { BackendChoice, BackendInfo, DataOptions } from '../../worker/engine-api';
import { EngineClient, ForcedCancelError } from '../../worker/engine-client';
import type { Calibration } from '../../engine/calibration';
import { prefixFingerprints } from './stale';
import { MessageStore, type MessageKind } from './messages.svelte';

/** The light a step card shows. */
export type StepLight = 'not-run' | 'stale' | 'running' | 'pending' | 'done' | 'failed' | 'cancelled' | 'skipped';

/** What the whole runner is doing. */
export type RunnerStatus = 'starting' | 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

/** Live training progress of the step that is training now. */
export interface LiveTraining {
  readonly stepId: string;
  readonly epoch: number;
  readonly epochs: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  /** Under cross-validation: the fold being trained (from 0) and the number of folds. */
  readonly fold?: number;
  readonly folds?: number;
}

/** Work without epochs under way (a forest's trees): done of total units. */
export interface LiveWork {
  readonly stepId: string;
  readonly done: number;
  readonly total: number;
  readonly unit: string;
  readonly fold?: number;
  readonly folds?: number;
}

/** A step's progress in the run now on show; `fold`/`folds` while cross-validating. */
interface StepProgress {
  readonly status: StepStatus | 'running';
  readonly ms: number;
  readonly fold?: number;
  readonly folds?: number;
}

const FLUSH_MS = 100;

/** The message store source of the runner's errors and notices. */
export const RUN_MESSAGES = 'run';

/**
 * Owns the engine worker: backend choice, runs with live progress (batched so
 * the main thread stays free), results, per-step lights and the data view.
 */
export class RunnerState {
  backendChoice = $state<BackendChoice>('auto');
  backend = $state<BackendInfo | null>(null);
  status = $state<RunnerStatus>('starting');
  /** The run's failure (a run, a backend start or a restart that failed), from the message store. */
  get error(): string | null {
    return this.messages.latest('error', RUN_MESSAGES);
  }
  /** Something the run said that is not a failure (a cancel that restarted the worker). */
  get notice(): string | null {
    return this.messages.latest('info', RUN_MESSAGES);
  }
  view = $state.raw<RunView | null>(null);
  live = $state.raw<LiveTraining | null>(null);
  /** The latest progress of a step that works without epochs (trees grown so far); null otherwise. */
  work = $state.raw<LiveWork | null>(null);
  liveHistory = $state.raw<EpochRecord[]>([]);
  /** The decision boundary of the latest replay snapshot while a run trains (null otherwise). */
  liveBoundary = $state.raw<DecisionBoundary | null>(null);
  /** The training replay of the run on display (`view` is that run's view); fetched from the worker once its result shows. */
  replay = $state.raw<{ readonly view: RunView; readonly replay: TrainingReplay } | null>(null);
  /** True while the replay of the run just shown is being fetched. */
  replayLoading = $state(false);

  /** The replay of the run on display (null for a stored run, a failed one, or while it is fetched). */
  get shownReplay(): TrainingReplay | null {
    return this.replay && this.replay.view === this.view ? this.replay.replay : null;
  }
  stepView = $state.raw<StepView | null>(null);
  private stepStatus = $state<Record<string, StepProgress>>({});
  // Replaced wholesale after each run, never mutated, so a plain Map in $state.raw is right here.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private ranFingerprints = $state.raw(new Map<string, string>());
  private pendingHistory: EpochRecord[] = [];
  /** Whether the buffered epochs start a new curve (a new fold's training). */
  private restartHistory = false;
  /** The latest epoch not yet published (published with the history, at most every FLUSH_MS). */
  private pendingLive: LiveTraining | null = null;
  private startSeq = 0;
  /** Told when a worker start measured this device's Auto calibration (the app remembers it in its settings). */
  onCalibrated: (calibration: Calibration) => void = () => {};
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * @param engine the engine worker's client; other state and components ask the engine
   * through `engine.call(...)` (the data plot, Python inputs, file previews, try-it, model export)
   * @param messages where the runner posts its errors and notices (source "run"; the app passes its store)
   */
  constructor(
    readonly engine = new EngineClient(),
    readonly messages = new MessageStore(),
  ) {
    engine.onRestart = (ready) => void this.track(ready);
  }

  /** Follows a worker start: shows "starting" until it reports its backend. */
  private async track(ready: Promise<BackendInfo>): Promise<void> {
    this.backend = null;
    try {
      this.backend = await ready;
    } catch (err) {
      this.say('error', `The engine could not restart: ${(err as Error).message}`);
    }
  }

  /** Hands a remembered Auto calibration to the engine (before the first start, so it is not measured again). */
  rememberCalibration(calibration: Calibration | null): void {
    EngineClient.deviceCalibration = calibration;
  }

  /** Starts (or restarts) the worker on the chosen backend. */
  async useBackend(choice: BackendChoice): Promise<void> {
    const seq = ++this.startSeq;
    this.backendChoice = choice;
    this.status = 'starting';
    this.backend = null;
    try {
      const info = await this.engine.start(choice);
      if (info.calibrated && info.calibration) this.onCalibrated(info.calibration);
      if (seq !== this.startSeq) return; // a later choice replaced this worker
      this.backend = info;
      this.status = this.view ? this.view.record.status : 'idle';
      this.say('error', null);
    } catch (err) {
      if (seq !== this.startSeq) return;
      this.status = 'failed';
      this.say('error', `Could not start the ${choice} backend: ${(err as Error).message}`);
    }
  }

  /** Runs a validated spec in the worker (with the texts of the user's files it reads); `useCache: false` recomputes every step. */
  async run(spec: PipelineSpec, data: DataOptions = {}, useCache = true): Promise<void> {
    if (this.status === 'running' || this.status === 'starting') return;
    this.status = 'running';
    this.say('error', null);
    this.say('info', null);
    this.stepStatus = {};
    this.live = null;
    this.work = null;
    this.liveHistory = [];
    this.liveBoundary = null;
    this.pendingHistory = [];
    this.pendingLive = null;
    this.restartHistory = false;
    this.ranFingerprints = prefixFingerprints(spec);
    try {
      const view = await this.engine.run(spec, (event) => this.onProgress(event), useCache ? data : { ...data, useCache });
      this.flush();
      this.view = view;
      void this.loadReplay(view);
      for (const s of view.record.steps) this.stepStatus[s.id] = { status: s.status, ms: s.ms };
      this.status = view.record.status;
      this.say('error', view.record.error && view.record.status === 'failed' ? view.record.error.message : null);
    } catch (err) {
      this.flush();
      this.markUnfinished('cancelled');
      this.status = err instanceof ForcedCancelError ? 'cancelled' : 'failed';
      if (this.status === 'failed') this.say('error', (err as Error).message);
      else this.say('info', (err as Error).message);
    }
    this.live = null;
    this.liveBoundary = null;
    this.work = null;
  }

  /** Stops the current run (within a second at most). */
  cancel(): void {
    if (this.status === 'running') this.engine.cancel();
  }

  /** Shows the data view of a step from the run on display (kept with the run, so it survives reloads). */
  showStep(stepId: string | null): void {
    this.stepView = stepId ? this.view?.stepViews?.[stepId] ?? null : null;
  }

  /** Puts a stored run on display (after a reload, or when opened from the runs table). */
  showStored(view: RunView | null): void {
    this.view = view;
    this.live = null;
    this.liveHistory = [];
    this.stepStatus = {};
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced wholesale, never mutated
    this.ranFingerprints = view ? prefixFingerprints(view.record.spec) : new Map();
    if (view) for (const s of view.record.steps) this.stepStatus[s.id] = { status: s.status, ms: s.ms };
    if (this.status !== 'starting') this.status = view ? view.record.status : 'idle';
    this.say('error', view?.record.status === 'failed' ? view.record.error?.message ?? null : null);
  }

  /** The light of one step for the pipeline as it is now; `fold` ("fold 3/5") while a cross-validating run is on that step. */
  light(spec: PipelineSpec, stepId: string): { light: StepLight; ms: number | null; fold?: string } {
    const status = this.stepStatus[stepId];
    if (this.status === 'running') {
      if (!status) return { light: 'pending', ms: null };
      const fold = status.folds ? `fold ${(status.fold ?? 0) + 1}/${status.folds}` : undefined;
      return { light: status.status === 'cached' ? 'done' : (status.status as StepLight), ms: status.ms, fold };
    }
    if (!status) return { light: this.ranFingerprints.size ? 'stale' : 'not-run', ms: null };
    if (prefixFingerprints(spec).get(stepId) !== this.ranFingerprints.get(stepId)) return { light: 'stale', ms: null };
    const light: StepLight = status.status === 'cached' ? 'done' : status.status === 'running' ? 'pending' : status.status;
    return { light, ms: status.ms };
  }

  /** Whether the results on display are from before an edit of `spec` (a step, a parameter or the seed changed since). */
  resultsStale(spec: PipelineSpec): boolean {
    if (!this.view || this.status === 'running' || this.ranFingerprints.size === 0) return false;
    const now = prefixFingerprints(spec);
    if (now.size !== this.ranFingerprints.size) return true;
    for (const [id, fingerprint] of now) if (this.ranFingerprints.get(id) !== fingerprint) return true;
    return false;
  }

  /** Posts the runner's message of `kind`, or with null clears it (a message of the other kind stays). */
  private say(kind: MessageKind, text: string | null): void {
    if (text !== null) this.messages.post(RUN_MESSAGES, kind, text);
    else if (this.messages.latest(kind, RUN_MESSAGES) !== null) this.messages.clear(RUN_MESSAGES);
  }

  private onProgress(event: ProgressEvent): void {
    // A last batch of progress can arrive after the run has resolved: it must not bring back a live epoch on a finished card.
    if (this.status !== 'running') return;
    if (event.type === 'step-start') this.stepStatus[event.stepId] = { status: 'running', ms: 0, fold: event.fold, folds: event.folds };
    else if (event.type === 'step-end') {
      this.stepStatus[event.stepId] = { status: event.status, ms: event.ms, fold: event.fold, folds: event.folds };
      if (this.work?.stepId === event.stepId) this.work = null;
    } else if (event.type === 'progress') {
      const { stepId, done, total, unit, fold, folds } = event;
      this.work = { stepId, done, total, unit, fold, folds };
    } else if (event.type === 'snapshot') {
      this.liveBoundary = event.boundary;
    } else {
      if (event.epoch === 1) {
        // A new training (the next fold): its curve replaces the last one at the next publish, not before.
        this.restartHistory = true;
        this.pendingHistory = [];
      }
      this.pendingHistory.push({ epoch: event.epoch, trainLoss: event.trainLoss, testLoss: event.testLoss });
      const { stepId, epoch, epochs, trainLoss, testLoss, fold, folds } = event;
      this.pendingLive = { stepId, epoch, epochs, trainLoss, testLoss, fold, folds };
      // The first epoch shows at once; later ones at most every FLUSH_MS (a redraw per
      // epoch would keep the page's thread busier than the training itself).
      if (!this.live) this.flush();
      else this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
    }
  }

  /** Asks the worker for the replay of the run just shown (its frames are computed there after the result, so the result is not delayed). */
  private async loadReplay(view: RunView): Promise<void> {
    if (view.record.status !== 'done') return;
    let replay: TrainingReplay | null;
    this.replayLoading = true;
    try {
      replay = await this.engine.call('replay');
    } catch {
      return; // the worker went away (a crash, a new backend): the result stays, without a replay
    } finally {
      this.replayLoading = false;
    }
    if (replay && this.view === view) this.replay = { view, replay };
  }

  /** Publishes buffered epochs and the latest one at most every FLUSH_MS, so the status and charts redraw ~10 times a second at most. */
  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pendingLive) this.live = this.pendingLive;
    this.pendingLive = null;
    if (!this.pendingHistory.length) return;
    this.liveHistory = this.restartHistory ? this.pendingHistory : [...this.liveHistory, ...this.pendingHistory];
    this.restartHistory = false;
    this.pendingHistory = [];
  }

  private markUnfinished(status: StepStatus): void {
    for (const [id, s] of Object.entries(this.stepStatus)) if (s.status === 'running') this.stepStatus[id] = { status, ms: s.ms };
  }
}
