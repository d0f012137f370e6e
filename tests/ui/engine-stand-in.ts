import type { PipelineSpec } from '../../src/core/spec';
import type { ProgressEvent } from '../../src/engine/progress';
import { buildRunView, type RunView } from '../../src/engine/run-view';
import type { BackendChoice, BackendInfo } from '../../src/worker/engine-api';
import type { EngineClient } from '../../src/worker/engine-client';
import { EnginePool } from '../../src/worker/engine-pool';
import { run, tf } from '../helpers';

// A stand-in for the engine worker in Node tests of the UI state (AppState, RunnerState,
// LabState): the same methods as EngineClient, running the real engine in-process on the
// cpu backend. Only the worker boundary is stood in; the engine itself is tested elsewhere.

/** How a stand-in behaves: which backends start (others fall back to cpu), a hold on runs, a change to every spec it runs. */
export interface StandInOptions {
  readonly backends?: readonly BackendChoice[];
  /** Holds the i-th run (from 0) until cancel() is called. */
  readonly hold?: (i: number) => boolean;
  /** Changes each spec before it runs (a stand-in for an engine that computes differently). */
  readonly alter?: (spec: PipelineSpec) => PipelineSpec;
  /** Makes start() fail with this message. */
  readonly failStart?: string;
}

/** The stand-in and what it was asked to do. */
export interface StandIn {
  readonly client: EngineClient;
  readonly starts: BackendChoice[];
  readonly runs: PipelineSpec[];
  /** Resolves once the i-th run has started (for a test that cancels a run under way). */
  started(i: number): Promise<void>;
}

/** A stand-in engine client (see StandInOptions). */
export function standInEngine(options: StandInOptions = {}): StandIn {
  const starts: BackendChoice[] = [];
  const runs: PipelineSpec[] = [];
  const waiting = new Map<number, () => void>();
  let abort = new AbortController();
  let release: (() => void) | null = null;
  const client = {
    onRestart: () => undefined,
    async start(choice: BackendChoice): Promise<BackendInfo> {
      starts.push(choice);
      if (options.failStart) throw new Error(options.failStart);
      const name = choice === 'auto' || !options.backends || options.backends.includes(choice) ? (choice === 'auto' ? 'cpu' : choice) : 'cpu';
      return { name, floatPrecision: 32, tried: [], auto: choice === 'auto' };
    },
    async run(spec: PipelineSpec, onProgress: (e: ProgressEvent) => void): Promise<RunView> {
      const i = runs.push(spec) - 1;
      abort = new AbortController();
      waiting.get(i)?.();
      if (options.hold?.(i) && !abort.signal.aborted) await new Promise<void>((resolve) => (release = resolve));
      const result = await run(options.alter ? options.alter(spec) : spec, { onProgress, signal: abort.signal });
      return buildRunView(tf, result);
    },
    cancel(): void {
      abort.abort();
      release?.();
      release = null;
    },
    stop: () => undefined,
    exportModel: async () => null,
    whereAmI: async () => 'in-process stand-in',
  };
  const started = (i: number) => (runs.length > i ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(i, resolve)));
  return { client: client as unknown as EngineClient, starts, runs, started };
}

/** A pool whose workers are stand-ins made with these options (each backend its own). */
export function standInPool(options: StandInOptions = {}): { pool: EnginePool; made: StandIn[] } {
  const made: StandIn[] = [];
  const pool = new EnginePool(() => {
    const engine = standInEngine(options);
    made.push(engine);
    return engine.client;
  });
  return { pool, made };
}
