import { CancelledError, PipelabError } from '../core/errors';
import { canonicalJson } from '../core/canonical-json';
import { hashValue, sha256Hex } from '../core/hash';
import type { PipelineSpec, StepSpec } from '../core/spec';
import { EMPTY_STATE, type PipelineState } from '../core/state';
import { findStep } from '../steps/registry';
import type { LoadedData, Tf } from '../steps/step';
import { trainingEpsilon, useBackend } from './backend';
import type { DataSource } from './data-source';
import { describeEnvironment } from './environment';
import { configHash, versionHash } from './fingerprint';
import { runFolds, summarizeFolds, type FoldAttempt, type FoldsResult } from './cross-validate';
import { LIVE_BOUNDARY_ROWS, type FoldTag, type ProgressEvent } from './progress';
import { RUN_FORMAT, type Environment, type RunRecord, type StepRecord } from './run-record';
import { runStep } from './run-step';
import type { StepCache } from './step-cache';
import type { RecordedTraining } from './training-replay';

/** How to run a pipeline: tfjs, backend, data, and the host's hooks. */
export interface RunOptions {
  readonly tf: Tf;
  readonly backend: string;
  readonly dataSource: DataSource;
  /** Describes the host for the run record, e.g. "node v20.20.2". */
  readonly runtime: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly cache?: StepCache;
  /** Record the model step's training replay (the worker does; never part of the record). Not under cross-validation. */
  readonly recordReplay?: boolean;
}

/** The state one step passed on. */
export interface StepOutput {
  readonly stepId: string;
  readonly state: PipelineState;
}

/** A run record plus every step's output state (for data views and CSV export). */
export interface RunResult {
  readonly record: RunRecord;
  readonly outputs: readonly StepOutput[];
  /** The last model step's recorded training (buildReplay makes the replay of it), when recordReplay asked for one and it trained by epochs. */
  readonly replay?: RecordedTraining | null;
}

/**
 * Runs a restored pipeline spec and returns its run record. Never throws for a
 * failing or cancelled step: the record says what happened and where.
 */
export async function runPipeline(spec: PipelineSpec, opts: RunOptions): Promise<RunResult> {
  const run = new PipelineRun(spec, opts);
  return run.execute();
}

class PipelineRun {
  private readonly records: StepRecord[] = [];
  private readonly outputs: StepOutput[] = [];
  private readonly dataHashes: Record<string, string> = {};
  private readonly signal: AbortSignal;
  private readonly startedAt = new Date().toISOString();
  private readonly t0 = performance.now();
  private error: RunRecord['error'] = null;
  private cancelled = false;
  /** Each fold's metrics when the pipeline cross-validates; null otherwise. */
  private folds: FoldsResult['perFold'] | null = null;
  private replay: RecordedTraining | null = null;

  constructor(
    private readonly spec: PipelineSpec,
    private readonly opts: RunOptions,
  ) {
    this.signal = opts.signal ?? new AbortController().signal;
  }

  async execute(): Promise<RunResult> {
    let env: Environment | null = null;
    try {
      await useBackend(this.opts.tf, this.opts.backend);
      env = describeEnvironment(this.opts.tf, this.opts.runtime);
      const data = await this.loadData();
      await this.runSteps(data);
    } catch (err) {
      this.fail(null, err);
    }
    const record = await this.finish(env);
    return { record, outputs: this.outputs, replay: record.status === 'done' ? this.replay : null };
  }

  private async loadData(): Promise<Map<string, LoadedData>> {
    const loaded = new Map<string, LoadedData>();
    for (const step of this.spec.steps.filter((s) => s.enabled)) {
      const ref = findStep(step.kind)?.dataRef?.(step.params);
      if (!ref) continue;
      let text: string;
      try {
        text = await this.opts.dataSource.load(ref);
      } catch (err) {
        throw new PipelabError(`Step "${step.id}" could not load its data file ${ref.file}: ${(err as Error).message}`);
      }
      const hash = await sha256Hex(text);
      this.dataHashes[step.id] = hash;
      loaded.set(step.id, { ref, text, hash });
    }
    return loaded;
  }

  private async runSteps(data: Map<string, LoadedData>): Promise<void> {
    let state = EMPTY_STATE;
    let inputHash = await hashValue(state);
    const epsilon = trainingEpsilon(this.opts.tf);
    for (const [index, step] of this.spec.steps.entries()) {
      if (this.error || this.cancelled) {
        this.records.push({ id: step.id, kind: step.kind, status: 'not-run', outputHash: null, ms: 0 });
        continue;
      }
      if (!step.enabled) {
        this.records.push({ id: step.id, kind: step.kind, status: 'skipped', outputHash: null, ms: 0 });
        continue;
      }
      const result = await this.runOne(step, index, state, inputHash, data.get(step.id) ?? null, epsilon);
      if (!result) continue;
      ({ state, inputHash } = result);
      if (state.folds) return this.crossValidate(state, index + 1, data, epsilon);
    }
  }

  /** Runs the steps after a k-fold step once per fold (see cross-validate.ts). */
  private async crossValidate(kFoldOutput: PipelineState, from: number, data: Map<string, LoadedData>, epsilon: number): Promise<void> {
    const later = this.spec.steps.slice(from).map((step, i) => ({ step, index: from + i }));
    const result = await runFolds(kFoldOutput, later, (step, index, input, inputHash, tag) =>
      this.attempt(step, index, input, inputHash, data.get(step.id) ?? null, epsilon, tag),
    );
    this.records.push(...result.records);
    this.outputs.push(...result.outputs);
    this.folds = result.perFold;
  }

  private async runOne(step: StepSpec, index: number, input: PipelineState, inputHash: string, data: LoadedData | null, epsilon: number) {
    const out = await this.attempt(step, index, input, inputHash, data, epsilon, {});
    if (!out.ok) {
      this.records.push({ id: step.id, kind: step.kind, status: out.status, outputHash: null, ms: out.ms, error: out.message });
      return null;
    }
    this.records.push({ id: step.id, kind: step.kind, status: out.cached ? 'cached' : 'done', outputHash: out.outputHash, ms: out.ms });
    this.outputs.push({ stepId: step.id, state: out.state });
    if (out.replay) this.replay = out.replay;
    return { state: out.state, inputHash: out.outputHash };
  }

  /** Runs one step (for one fold when `tag` names one), streaming its events; records a failure but no step line. */
  private async attempt(step: StepSpec, index: number, input: PipelineState, inputHash: string, data: LoadedData | null, epsilon: number, tag: FoldTag): Promise<FoldAttempt> {
    const emit = this.opts.onProgress ?? (() => {});
    const t = performance.now();
    emit({ type: 'step-start', stepId: step.id, index, ...tag });
    try {
      if (this.signal.aborted) throw new CancelledError();
      const definition = findStep(step.kind);
      if (!definition) throw new PipelabError(`Unknown step kind "${step.kind}".`);
      const out = await runStep({
        tf: this.opts.tf, step, definition, pipelineSeed: this.spec.seed, input, inputHash, data,
        backend: this.opts.backend, epsilon, signal: this.signal, cache: this.opts.cache,
        onEpoch: (r, epochs) => emit({ type: 'epoch', stepId: step.id, epochs, ...r, ...tag }),
        onProgress: (done, total, unit) => emit({ type: 'progress', stepId: step.id, done, total, unit, ...tag }),
        recordReplay: this.opts.recordReplay === true && tag.folds === undefined,
        onBoundary: (epoch, boundary) => {
          if (boundary.points.x.length <= LIVE_BOUNDARY_ROWS) emit({ type: 'snapshot', stepId: step.id, epoch, boundary });
        },
      });
      if (tag.folds !== undefined && out.state.folds) {
        throw new PipelabError('a pipeline can cross-validate only once: remove the second k-fold step (or replace the first one by a train/test split).');
      }
      const ms = performance.now() - t;
      const status = out.cached ? 'cached' : 'done';
      emit({ type: 'step-end', stepId: step.id, index, status, ms, outputHash: out.outputHash, ...tag });
      return { ok: true, state: out.state, outputHash: out.outputHash, cached: out.cached, ms, replay: out.replay ?? null };
    } catch (err) {
      const ms = performance.now() - t;
      const message = this.fail(step, err);
      const status = this.cancelled ? 'cancelled' : 'failed';
      emit({ type: 'step-end', stepId: step.id, index, status, ms, outputHash: null, ...tag });
      return { ok: false, status, ms, message };
    }
  }

  /** Records why the run stopped; returns the message. */
  private fail(step: StepSpec | null, err: unknown): string {
    if (err instanceof CancelledError || this.signal.aborted) {
      this.cancelled = true;
      return 'The run was cancelled.';
    }
    const detail = err instanceof Error ? err.message : String(err);
    const label = step ? findStep(step.kind)?.label ?? step.kind : '';
    const message = step ? `Step "${step.id}" (${label}) failed: ${detail}` : detail;
    this.error = { stepId: step?.id ?? null, message };
    return message;
  }

  private async finish(env: Environment | null): Promise<RunRecord> {
    const environment = env ?? describeEnvironment(this.opts.tf, this.opts.runtime);
    const done = !this.error && !this.cancelled;
    const last = this.outputs.length ? this.outputs[this.outputs.length - 1].state : EMPTY_STATE;
    const stepHashes = this.records.filter((r) => r.outputHash).map((r) => [r.id, r.outputHash]);
    const cv = done && this.folds ? summarizeFolds(this.folds) : null;
    return {
      format: RUN_FORMAT,
      version: 1,
      spec: this.spec,
      versionHash: await versionHash(this.spec),
      seed: this.spec.seed,
      environment,
      configHash: await configHash(this.spec, this.dataHashes, this.opts.backend),
      dataHashes: this.dataHashes,
      steps: this.records,
      resultHash: done ? await sha256Hex(canonicalJson(stepHashes)) : null,
      metrics: cv ? cv.mean : done ? last.evaluation?.test ?? {} : {},
      trainMetrics: cv ? cv.trainMean : done ? last.evaluation?.train ?? {} : {},
      ...(cv ? { crossValidation: cv } : {}),
      history: last.history ?? [],
      timings: { totalMs: performance.now() - this.t0 },
      status: this.error ? 'failed' : this.cancelled ? 'cancelled' : 'done',
      error: this.cancelled && !this.error ? { stepId: null, message: 'The run was cancelled.' } : this.error,
      startedAt: this.startedAt,
    };
  }
}
