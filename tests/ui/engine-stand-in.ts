import * as Comlink from 'comlink';
import type { PipelineSpec } from '../../src/core/spec';
import type { BackendChoice, EngineApi } from '../../src/worker/engine-api';
import { createEngineApi } from '../../src/worker/engine-api-impl';
import { EngineClient, type EngineCall } from '../../src/worker/engine-client';
import { EnginePool } from '../../src/worker/engine-pool';
import { nodeDataSource } from '../../src/cli/node-data-source';
import { NODE_RUNTIME } from '../../src/cli/node-tf';
import { tf } from '../helpers';

// A stand-in for the engine worker in Node tests of the UI state (AppState, RunnerState,
// LabState): the real EngineClient talking over a MessageChannel to a real engine made by
// createEngineApi on Node's cpu backend. Only the Worker itself is stood in (and, through the
// options, which backends start, a hold on runs, and a change to what a run computes).

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

interface Record {
  readonly starts: BackendChoice[];
  readonly runs: PipelineSpec[];
  readonly waiting: Map<number, () => void>;
}

/** A real engine wrapped with the options: init reports the backend asked for (Node has cpu only), runs may be held or altered. */
function engineWithOptions(options: StandInOptions, seen: Record): EngineApi {
  const engine = createEngineApi({ tf, dataSource: nodeDataSource, runtime: NODE_RUNTIME, whereAmI: () => 'in-process stand-in' });
  let cancelled = false;
  let release: (() => void) | null = null;
  return {
    ...engine,
    async init(choice) {
      seen.starts.push(choice);
      if (options.failStart) throw new Error(options.failStart);
      await engine.init('cpu');
      const name = choice === 'auto' || !options.backends || options.backends.includes(choice) ? (choice === 'auto' ? 'cpu' : choice) : 'cpu';
      return { name, floatPrecision: 32, tried: [], auto: choice === 'auto' };
    },
    async run(spec, onProgress, runOptions) {
      const i = seen.runs.push(spec) - 1;
      cancelled = false;
      seen.waiting.get(i)?.();
      if (options.hold?.(i) && !cancelled) await new Promise<void>((resolve) => (release = resolve));
      const running = engine.run(options.alter ? options.alter(spec) : spec, onProgress, runOptions);
      if (cancelled) engine.cancel();
      return running;
    },
    cancel() {
      cancelled = true;
      engine.cancel();
      release?.();
      release = null;
    },
  };
}

/** A Worker stand-in: one end of a MessageChannel, the engine exposed on the other. */
function workerOver(api: EngineApi): Worker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port2);
  // Node's ports would keep the test process alive; a real Worker's do not outlive the page.
  for (const port of [port1, port2]) (port as unknown as { unref(): void }).unref();
  const terminate = () => {
    port1.close();
    port2.close();
  };
  return Object.assign(port1, { terminate }) as unknown as Worker;
}

/** A stand-in engine client (see StandInOptions). */
export function standInEngine(options: StandInOptions = {}): StandIn {
  const seen: Record = { starts: [], runs: [], waiting: new Map() };
  const client = new EngineClient(() => workerOver(engineWithOptions(options, seen)));
  const started = (i: number) => (seen.runs.length > i ? Promise.resolve() : new Promise<void>((resolve) => seen.waiting.set(i, resolve)));
  return { client, starts: seen.starts, runs: seen.runs, started };
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

/** EngineClient.call answered in-process by `methods` (a test's own engine for a few calls); other methods reject. */
export function callsTo(methods: Partial<EngineApi>): EngineCall {
  return (async (method: keyof EngineApi, ...args: unknown[]) => {
    const fn = methods[method] as ((...a: unknown[]) => unknown) | undefined;
    if (!fn) throw new Error(`this stand-in does not answer ${method}`);
    return fn(...args);
  }) as EngineCall;
}
