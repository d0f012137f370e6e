import { canonicalJson } from '../core/canonical-json';
import { hashValue, sha256Hex } from '../core/hash';
import { Prng, deriveSeed } from '../core/prng';
import type { StepSpec } from '../core/spec';
import type { EpochRecord, PipelineState } from '../core/state';
import type { LoadedData, StepDefinition, Tf } from '../steps/step';
import { ENGINE_VERSION } from './environment';
import type { StepCache } from './step-cache';
import { ReplayRecorder, type RecordedTraining } from './training-replay';
import type { DecisionBoundary } from './decision-boundary';

/** What one step needs from the run around it. */
export interface StepRunInput {
  readonly tf: Tf;
  readonly step: StepSpec;
  readonly definition: StepDefinition;
  readonly pipelineSeed: number;
  readonly input: PipelineState;
  readonly inputHash: string;
  readonly data: LoadedData | null;
  readonly backend: string;
  readonly epsilon: number;
  readonly signal: AbortSignal;
  readonly cache?: StepCache;
  readonly onEpoch: (record: EpochRecord, epochs: number) => void;
  readonly onProgress?: (done: number, total: number, unit: string) => void;
  /** Record a training replay of a model step (outside its output, its hash and its cache key). */
  readonly recordReplay?: boolean;
  /** A replay snapshot's decision boundary while the step trains (for the live boundary; see ReplayRecorder). */
  readonly onBoundary?: (epoch: number, boundary: DecisionBoundary) => void;
}

/** A step's output, its hash, and whether it came from the cache. */
export interface StepRunOutput {
  readonly state: PipelineState;
  readonly outputHash: string;
  readonly cached: boolean;
  /** The training replay when one was asked for and the step trains a model by epochs. */
  readonly replay?: RecordedTraining | null;
}

/**
 * Runs one step (or reuses its cached output) inside a tfjs scope, so that any
 * tensor a step forgot is released when it ends.
 */
export async function runStep(s: StepRunInput): Promise<StepRunOutput> {
  const seed = deriveSeed(s.pipelineSeed, s.step.id);
  const key = s.cache ? await cacheKey(s, seed) : '';
  const hit = s.cache?.get(key);
  if (hit) return { ...hit, cached: true };
  const recorder = s.recordReplay && s.definition.fitted ? new ReplayRecorder(s.tf, s.step.id, s.input, s.onBoundary) : null;
  const engine = s.tf.engine();
  engine.startScope();
  let state: PipelineState;
  let replay: RecordedTraining | null;
  try {
    state = await s.definition.run(
      {
        tf: s.tf,
        stepId: s.step.id,
        seed,
        rng: new Prng(seed),
        signal: s.signal,
        data: s.data,
        epsilon: s.epsilon,
        onEpoch: s.onEpoch,
        onProgress: s.onProgress,
        ...(recorder ? { replay: recorder } : {}),
      },
      s.input,
      s.step.params,
    );
    replay = recorder?.finish(state) ?? null;
  } finally {
    engine.endScope();
  }
  const outputHash = await hashValue(state);
  s.cache?.set(key, { state, outputHash, ...(replay ? { replay } : {}) });
  return { state, outputHash, cached: false, replay };
}

function cacheKey(s: StepRunInput, seed: number): Promise<string> {
  return sha256Hex(
    canonicalJson({
      kind: s.step.kind,
      version: s.definition.version,
      params: s.step.params,
      seed: s.definition.usesRandomness ? seed : 0,
      input: s.inputHash,
      data: s.data?.hash ?? null,
      backend: s.backend,
      engine: ENGINE_VERSION,
    }),
  );
}
