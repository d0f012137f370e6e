// The engine API's behaviour, apart from the worker it runs in: every piece of state the
// engine keeps between calls (the started backend, the step cache, the last run, the file
// being previewed) lives in one createEngineApi call, so Node tests can make an engine of
// their own and the worker module only sets up tfjs and exposes one.
import * as Comlink from 'comlink';
import type { PipelineSpec } from '../core/spec';
import type { ProgressEvent } from '../engine/progress';
import { runPipeline, type RunResult } from '../engine/run-pipeline';
import { buildRunView, type RunView } from '../engine/run-view';
import { buildReplay, type TrainingReplay } from '../engine/training-replay';
import { growthOfRun } from '../engine/tree-growth';
import { MemoryStepCache } from '../engine/step-cache';
import { buildStepView } from '../engine/step-view';
import { exportModel } from '../engine/model-export';
import { autoBackend } from '../engine/auto-backend';
import { useBackend } from '../engine/backend';
import { calibrate, deviceSummary, type Calibration } from '../engine/calibration';
import type { DataSource } from '../engine/data-source';
import { pythonInputs } from '../engine/python-inputs';
import { dataPlot, readThrough } from '../engine/data-plot';
import type { Tf } from '../steps/step';
import { predictPoints, predictRaw, tryItSetup } from '../engine/try-it/try-it';
import { runDataSource } from './stored-data-source';
import type { BackendChoice, DataOptions, EngineApi, RunOptionsForWorker } from './engine-api';
import { selectBackend } from './select-backend';
import { trainingTimer } from './calibrate-device';
import { previewFile, storePreviewed, type FilePreview, type ImportProgress } from './preview-file';
import { batchProgress } from './progress-batcher';

/** What an engine needs from where it runs: tfjs, its bundled data, how it names its runtime, and Auto's device probes. */
export interface EngineDeps {
  readonly tf: Tf;
  readonly dataSource: DataSource;
  /** The run records' runtime (the browser's user agent, or Node's version). */
  readonly runtime: string;
  /** The WebGL renderer's name for Auto's calibration (null: no WebGL, nothing measured). */
  readonly webglRenderer?: () => string | null;
  /** A clock for the calibration's timings. */
  readonly now?: () => number;
  /** Where the engine runs ("worker" in the app). */
  readonly whereAmI?: () => string;
}

/** The file-preview half of the engine: the last previewed file, kept until stored or replaced. */
function previewer(): Pick<EngineApi, 'previewFile' | 'cancelPreview' | 'storePreviewed'> {
  let previewed: FilePreview | null = null;
  let ticket = 0;
  let abort: AbortController | null = null;
  return {
    async previewFile(file: File, onProgress: (p: ImportProgress) => void) {
      const mine = ++ticket;
      previewed = null;
      abort?.abort();
      const own = new AbortController();
      abort = own;
      try {
        const result = await previewFile(file, onProgress, own.signal);
        if (mine === ticket) previewed = result; // a file picked later replaces this one
        return result.preview;
      } finally {
        releaseCallback(onProgress);
      }
    },
    cancelPreview() {
      abort?.abort();
    },
    async storePreviewed(hash: string, dbName: string) {
      const kept = previewed;
      if (kept?.preview.hash !== hash) throw new Error('The engine no longer holds this file (it was restarted, or another file was read since): pick the file again.');
      await storePreviewed(kept, dbName);
      previewed = null;
    },
  };
}

/** The backend half: the started backend, Auto's choice and calibration. */
function backendState(deps: EngineDeps) {
  const state = { backend: '', auto: false, calibration: null as Calibration | null };
  return {
    state,
    /** The backend a run of `spec` uses: the started one, or under Auto the one autoBackend picks. */
    backendFor(spec: PipelineSpec): string {
      if (!state.backend) throw new Error('The engine was not initialised: call init first.');
      return state.auto ? autoBackend(spec, state.backend, undefined, state.calibration) : state.backend;
    },
    async init(choice: BackendChoice, remembered?: Calibration | null) {
      const info = await selectBackend(deps.tf, choice);
      state.backend = info.name;
      state.auto = choice === 'auto';
      if (!state.auto) return info;
      const renderer = (deps.webglRenderer ?? (() => null))();
      const outcome = await calibrate(renderer, remembered ?? null, trainingTimer(deps.tf, deps.dataSource, deps.now ?? (() => performance.now())));
      state.calibration = outcome.calibration;
      await useBackend(deps.tf, state.backend); // timing WebGL switched tfjs to it
      return { ...info, calibration: state.calibration, calibrated: outcome.measured, autoNote: deviceSummary(state.calibration) };
    },
  };
}

/** The running half: runs through the cache, cancel, and the last run the other calls read. */
function runner(deps: EngineDeps, backends: ReturnType<typeof backendState>, cache: MemoryStepCache) {
  const { tf, runtime } = deps;
  let controller: AbortController | null = null;
  const held = { last: null as RunResult | null };
  return {
    held,
    async run(spec: PipelineSpec, onProgress: (events: readonly ProgressEvent[]) => void, options?: RunOptionsForWorker): Promise<RunView> {
      const backend = backends.backendFor(spec);
      controller?.abort();
      controller = new AbortController();
      // Through Comlink each send is a call the page answers; the run resolves only once the page
      // has taken its last batch, so no progress arrives after the result it belongs to.
      let lastSend: unknown;
      const progress = batchProgress((events) => (lastSend = onProgress(events)));
      try {
        const useCache = options?.useCache !== false;
        held.last = await runPipeline(spec, { tf, backend, dataSource: runDataSource(deps.dataSource, options), cache: useCache ? cache : undefined, signal: controller.signal, onProgress: progress.push, runtime, recordReplay: true });
        progress.flush(); // the last batch goes now: the page takes it while the view is built
        return buildRunView(tf, held.last);
      } finally {
        progress.flush();
        await Promise.resolve(lastSend).catch(() => undefined);
        releaseCallback(onProgress);
      }
    },
    cancel: () => controller?.abort(),
  };
}

/** The calls that read the last run: its step views, try-it, replay and model export. */
function lastRunReader(tf: Tf, held: { readonly last: RunResult | null }): Pick<EngineApi, 'stepView' | 'tryItSetup' | 'predictRaw' | 'predictPoints' | 'replay' | 'exportModel'> {
  /** The replay built from each run's recording (weakly held: only the last run's is asked for). */
  const replayOf = new WeakMap<RunResult, TrainingReplay | null>();
  return {
    stepView: async (stepId: string) => {
      const out = held.last?.outputs.find((o) => o.stepId === stepId);
      return out ? buildStepView(stepId, out.state) : null;
    },
    tryItSetup: async () => tryItSetup(held.last),
    predictRaw: (runKey, rows) => predictRaw(tf, held.last, runKey, rows),
    predictPoints: async (runKey, points) => predictPoints(tf, held.last, runKey, points),
    replay() {
      // Built once per run, on the first ask (the page asks as soon as the result is shown).
      const last = held.last;
      if (last && !replayOf.has(last)) {
        const recorded = last.replay ?? growthOfRun(last);
        replayOf.set(last, recorded ? buildReplay(tf, recorded) : null);
      }
      return Promise.resolve(last ? replayOf.get(last) ?? null : null);
    },
    async exportModel() {
      const last = held.last;
      const model = last?.record.status === 'done' ? [...last.outputs].reverse().find((o) => o.state.model)?.state.model : null;
      if (!model) return null;
      const artifacts = await exportModel(tf, model);
      return artifacts && artifacts.weightData instanceof ArrayBuffer ? Comlink.transfer(artifacts, [artifacts.weightData]) : artifacts;
    },
  };
}

/** Creates an engine: the API the worker exposes, with its own backend, cache, last run and preview. */
export function createEngineApi(deps: EngineDeps): EngineApi {
  const { tf, runtime } = deps;
  const cache = new MemoryStepCache(64);
  /** The data plot's own outputs; it reads the runs' cache too, but never adds to it. */
  const plotCache = readThrough(new MemoryStepCache(8), cache);
  const backends = backendState(deps);
  const runs = runner(deps, backends, cache);
  const sourceFor = (data?: DataOptions) => runDataSource(deps.dataSource, data);
  return {
    init: backends.init,
    run: runs.run,
    cancel: runs.cancel,
    dataPlot: (spec, data) => dataPlot(spec, { tf, backend: backends.backendFor(spec), dataSource: sourceFor(data), cache: plotCache, runtime }),
    pythonInputs: (spec, data) => pythonInputs(spec, { tf, backend: backends.backendFor(spec), dataSource: sourceFor(data), cache, runtime }),
    ...lastRunReader(tf, runs.held),
    ...previewer(),
    whereAmI: deps.whereAmI ?? (() => 'main'),
    simulateCrash() {
      setTimeout(() => {
        throw new Error('simulated crash');
      }, 0);
    },
  };
}

/**
 * Frees a callback the page passed through Comlink once the call it served is over: its
 * MessagePort and listener on both sides (kept otherwise, one pair per run, for the session).
 * A plain function (a caller in the same thread) has nothing to free.
 */
function releaseCallback(callback: unknown): void {
  (callback as Partial<Comlink.Remote<unknown>>)[Comlink.releaseProxy]?.();
}
