import { canonicalJson } from '../core/canonical-json';
import { hashValue, sha256Hex } from '../core/hash';
import type { StepSpec } from '../core/spec';
import type { Metrics, PipelineState } from '../core/state';
import type { FoldTag } from './progress';
import type { CrossValidation, StepRecord } from './run-record';
import type { RecordedTraining } from './training-replay';

/** How one step's run for one fold ended (the caller records failures and emits events). */
export type FoldAttempt =
  | { readonly ok: true; readonly state: PipelineState; readonly outputHash: string; readonly cached: boolean; readonly ms: number; readonly replay?: RecordedTraining | null }
  | { readonly ok: false; readonly status: 'failed' | 'cancelled'; readonly ms: number; readonly message: string };

/** Runs one step on one input for one fold. */
export type AttemptStep = (step: StepSpec, index: number, input: PipelineState, inputHash: string, tag: FoldTag) => Promise<FoldAttempt>;

/** A step of the spec after the k-fold step, with its position in `spec.steps`. */
export interface LaterStep {
  readonly step: StepSpec;
  readonly index: number;
}

/** The steps after a k-fold step, run once per fold. */
export interface FoldsResult {
  /** One line per later step, in spec order. */
  readonly records: StepRecord[];
  /** Each step's output in the last fold it finished (for data views and charts). */
  readonly outputs: { readonly stepId: string; readonly state: PipelineState }[];
  /** Test and training metrics of each finished fold (of the last state in the fold). */
  readonly perFold: { readonly test: Metrics; readonly train: Metrics }[];
}

interface StepTally {
  readonly hashes: string[];
  cached: boolean;
  ms: number;
  state: PipelineState | null;
}

/**
 * Runs the enabled `later` steps once per fold of `kFoldOutput.folds`, fold by fold,
 * each fold starting from the k-fold output with `split` set to that fold (and no
 * `folds`). Stops at the first step that fails or is cancelled. A later step's output
 * hash is the SHA-256 of the canonical JSON array of its per-fold output hashes.
 */
export async function runFolds(kFoldOutput: PipelineState, later: readonly LaterStep[], attempt: AttemptStep): Promise<FoldsResult> {
  const { folds = [], ...base } = kFoldOutput;
  const tallies = new Map<string, StepTally>();
  const perFold: FoldsResult['perFold'] = [];
  let failure: { stepId: string; attempt: Extract<FoldAttempt, { ok: false }> } | null = null;
  for (let fold = 0; fold < folds.length && !failure; fold++) {
    let state: PipelineState = { ...base, split: folds[fold] };
    let inputHash = await hashValue(state);
    for (const { step, index } of later.filter((l) => l.step.enabled)) {
      const tally = tallies.get(step.id) ?? { hashes: [], cached: true, ms: 0, state: null };
      tallies.set(step.id, tally);
      const result = await attempt(step, index, state, inputHash, { fold, folds: folds.length });
      tally.ms += result.ms;
      if (!result.ok) {
        failure = { stepId: step.id, attempt: result };
        break;
      }
      tally.hashes.push(result.outputHash);
      tally.cached &&= result.cached;
      tally.state = result.state;
      state = result.state;
      inputHash = result.outputHash;
    }
    if (!failure) perFold.push({ test: state.evaluation?.test ?? {}, train: state.evaluation?.train ?? {} });
  }
  const records = await Promise.all(later.map((l) => recordOf(l.step, tallies.get(l.step.id), folds.length, failure)));
  const outputs = later.flatMap(({ step }) => {
    const state = tallies.get(step.id)?.state;
    return state ? [{ stepId: step.id, state }] : [];
  });
  return { records, outputs, perFold };
}

async function recordOf(
  step: StepSpec,
  tally: StepTally | undefined,
  k: number,
  failure: { stepId: string; attempt: Extract<FoldAttempt, { ok: false }> } | null,
): Promise<StepRecord> {
  const base = { id: step.id, kind: step.kind };
  if (!step.enabled) return { ...base, status: 'skipped', outputHash: null, ms: 0 };
  if (failure?.stepId === step.id) {
    return { ...base, status: failure.attempt.status, outputHash: null, ms: tally?.ms ?? 0, error: failure.attempt.message };
  }
  if (!tally || tally.hashes.length < k) return { ...base, status: 'not-run', outputHash: null, ms: tally?.ms ?? 0 };
  const outputHash = await sha256Hex(canonicalJson(tally.hashes));
  return { ...base, status: tally.cached ? 'cached' : 'done', outputHash, ms: tally.ms };
}

/**
 * Summarises k folds' metrics: each test metric's mean and population standard
 * deviation (divided by k, as numpy's `std()` does), and each training metric's mean.
 * A metric missing from some folds is averaged over the folds that have it.
 */
export function summarizeFolds(perFold: readonly { readonly test: Metrics; readonly train: Metrics }[]): CrossValidation {
  const tests = perFold.map((f) => f.test);
  return {
    folds: perFold.length,
    perFold: tests,
    mean: mapMetrics(tests, (values) => mean(values)),
    std: mapMetrics(tests, (values) => populationStd(values)),
    trainMean: mapMetrics(perFold.map((f) => f.train), (values) => mean(values)),
  };
}

function mapMetrics(all: readonly Metrics[], fn: (values: number[]) => number): Metrics {
  const names = [...new Set(all.flatMap((m) => Object.keys(m)))];
  const out: Record<string, number> = {};
  for (const name of names) out[name] = fn(all.filter((m) => name in m).map((m) => m[name]));
  return out;
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function populationStd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) * (v - m), 0) / values.length);
}
