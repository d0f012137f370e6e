/// <reference lib="webworker" />
// The module Web Worker that runs the engine: tfjs, data and training never touch the main thread.
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
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
import { pythonInputs } from '../engine/python-inputs';
import { dataPlot, readThrough } from '../engine/data-plot';
import { browserDataSource } from './browser-data-source';
import { runDataSource } from './stored-data-source';
import type { BackendChoice, DataOptions, EngineApi, RunOptionsForWorker } from './engine-api';
import { selectBackend } from './select-backend';
import { trainingTimer, webglRenderer } from './calibrate-device';
import { previewFile, storePreviewed, type FilePreview, type ImportProgress } from './preview-file';
import { batchProgress } from './progress-batcher';
import { predictPoints, predictRaw, tryItSetup } from '../engine/try-it/try-it';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});
tf.enableProdMode();

const dataSource = browserDataSource(import.meta.env.BASE_URL);
const cache = new MemoryStepCache(64);
/** The data plot's own outputs; it reads the runs' cache too, but never adds to it. */
const plotCache = readThrough(new MemoryStepCache(8), cache);
let backend = '';
/** Whether the user chose Auto: each run then gets autoBackend's pick (cpu for small networks). */
let auto = false;
/** Under Auto: this device's calibration (no samples without a real GPU). */
let calibration: Calibration | null = null;
let controller: AbortController | null = null;
let last: RunResult | null = null;
/** The replay built from each run's recording (weakly held: only the last run's is asked for). */
const replayOf = new WeakMap<RunResult, TrainingReplay | null>();
/** The last previewed file, kept until it is stored or another replaces it (its text never visits the page's thread). */
let previewed: FilePreview | null = null;
let previewTicket = 0;
let previewAbort: AbortController | null = null;

/** The backend a run of `spec` uses: the started one, or under Auto the one autoBackend picks. */
function backendFor(spec: PipelineSpec): string {
  return auto ? autoBackend(spec, backend, undefined, calibration) : backend;
}

const api: EngineApi = {
  async init(choice: BackendChoice, remembered?: Calibration | null) {
    const info = await selectBackend(tf, choice);
    backend = info.name;
    auto = choice === 'auto';
    if (!auto) return info;
    const outcome = await calibrate(webglRenderer(), remembered ?? null, trainingTimer(tf, dataSource, () => performance.now()));
    calibration = outcome.calibration;
    await useBackend(tf, backend); // timing WebGL switched tfjs to it
    return { ...info, calibration, calibrated: outcome.measured, autoNote: deviceSummary(calibration) };
  },

  async run(spec: PipelineSpec, onProgress: (events: readonly ProgressEvent[]) => void, options?: RunOptionsForWorker): Promise<RunView> {
    if (!backend) throw new Error('The engine was not initialised: call init first.');
    controller?.abort();
    controller = new AbortController();
    const progress = batchProgress(onProgress);
    try {
      const result = await runPipeline(spec, {
        tf, backend: backendFor(spec), dataSource: runDataSource(dataSource, options), cache: options?.useCache === false ? undefined : cache,
        signal: controller.signal, onProgress: progress.push,
        runtime: self.navigator.userAgent, recordReplay: true,
      });
      last = result;
      return buildRunView(tf, result);
    } finally {
      progress.flush();
      releaseCallback(onProgress);
    }
  },

  cancel() {
    controller?.abort();
  },

  async stepView(stepId: string) {
    const out = last?.outputs.find((o) => o.stepId === stepId);
    return out ? buildStepView(stepId, out.state) : null;
  },

  dataPlot(spec: PipelineSpec, data?: DataOptions) {
    return dataPlot(spec, { tf, backend: backendFor(spec), dataSource: runDataSource(dataSource, data), cache: plotCache, runtime: self.navigator.userAgent });
  },

  pythonInputs(spec: PipelineSpec, data?: DataOptions) {
    return pythonInputs(spec, { tf, backend: backendFor(spec), dataSource: runDataSource(dataSource, data), cache, runtime: self.navigator.userAgent });
  },

  async tryItSetup() {
    return tryItSetup(last);
  },

  predictRaw(runKey, rows) {
    return predictRaw(tf, last, runKey, rows);
  },

  async predictPoints(runKey, points) {
    return predictPoints(tf, last, runKey, points);
  },

  replay() {
    // Built once per run, on the first ask (the page asks as soon as the result is shown).
    if (last && !replayOf.has(last)) {
      const recorded = last.replay ?? growthOfRun(last);
      replayOf.set(last, recorded ? buildReplay(tf, recorded) : null);
    }
    return Promise.resolve(last ? replayOf.get(last) ?? null : null);
  },

  async exportModel() {
    const model = last?.record.status === 'done' ? [...last.outputs].reverse().find((o) => o.state.model)?.state.model : null;
    if (!model) return null;
    const artifacts = await exportModel(tf, model);
    return artifacts && artifacts.weightData instanceof ArrayBuffer ? Comlink.transfer(artifacts, [artifacts.weightData]) : artifacts;
  },

  async previewFile(file: File, onProgress: (p: ImportProgress) => void) {
    const ticket = ++previewTicket;
    previewed = null;
    previewAbort?.abort();
    const abort = new AbortController();
    previewAbort = abort;
    try {
      const result = await previewFile(file, onProgress, abort.signal);
      if (ticket === previewTicket) previewed = result; // a file picked later replaces this one
      return result.preview;
    } finally {
      releaseCallback(onProgress);
    }
  },

  cancelPreview() {
    previewAbort?.abort();
  },

  async storePreviewed(hash: string, dbName: string) {
    const kept = previewed;
    if (kept?.preview.hash !== hash) throw new Error('The engine no longer holds this file (it was restarted, or another file was read since): pick the file again.');
    await storePreviewed(kept, dbName);
    previewed = null;
  },

  whereAmI() {
    return typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope ? 'worker' : 'main';
  },

  simulateCrash() {
    setTimeout(() => {
      throw new Error('simulated crash');
    }, 0);
  },
};

/**
 * Frees a callback the page passed through Comlink once the call it served is over: its
 * MessagePort and listener on both sides (kept otherwise, one pair per run, for the session).
 */
function releaseCallback(callback: unknown): void {
  (callback as Partial<Comlink.Remote<unknown>>)[Comlink.releaseProxy]?.();
}

Comlink.expose(api, self);
