import * as Comlink from 'comlink';
import type { PipelineSpec } from '../core/spec';
import type { ProgressEvent } from '../engine/progress';
import type { RunView } from '../engine/run-view';
import type { Calibration } from '../engine/calibration';
import type { BackendChoice, BackendInfo, EngineApi, RunOptionsForWorker } from './engine-api';

/** The engine API's methods a page calls through EngineClient.call (start, run and cancel have their own methods). */
export type EngineMethod = Exclude<keyof EngineApi, 'init' | 'run' | 'cancel'>;

/** EngineClient.call's shape, for state that needs only some engine calls (and tests that stand in for them). */
export type EngineCall = EngineClient['call'];

/** The engine worker stopped (a crash, or out of memory); a new one has been started. */
export class WorkerCrashedError extends Error {}

/** A cancelled run did not stop within the grace period, so its worker was replaced. */
export class ForcedCancelError extends Error {}

/** How long a cancelled run may take to stop before its worker is terminated. */
export const CANCEL_GRACE_MS = 1000;

/** Creates the module worker that hosts the engine. */
export function createEngineWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'pipelab-engine' });
}

/**
 * The main thread's handle on the engine worker: one backend per worker, progress
 * through Comlink proxies, crash detection with automatic replacement, and a
 * cancel that always frees the UI within a second.
 */
export class EngineClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<EngineApi> | null = null;
  private choice: BackendChoice = 'auto';
  /**
   * This device's Auto calibration, handed to every worker start of every client in the page
   * (the runner's, the lab's and sweeps'), so it is measured once and then remembered.
   */
  static deviceCalibration: Calibration | null = null;
  /** Rejecters of every call in flight, so a crash fails them all instead of leaving them hanging. */
  private readonly pending = new Set<(err: Error) => void>();
  private runInterrupt: ((err: Error) => void) | null = null;
  /** Settles when the current worker has initialised its backend. */
  private ready: Promise<BackendInfo> | null = null;
  /** Resolves at the first start: calls made before it (a file picked while the app opens) wait for it. */
  private readonly firstStart: Promise<void>;
  private markStarted: () => void = () => {};

  /**
   * @param makeWorker creates the worker (tests may pass another)
   * @param onRestart told whenever the client replaced its worker by itself (after a crash or a forced cancel)
   */
  constructor(
    private readonly makeWorker: () => Worker = createEngineWorker,
    public onRestart: (ready: Promise<BackendInfo>) => void = () => {},
  ) {
    this.firstStart = new Promise((resolve) => (this.markStarted = resolve));
  }

  /** (Re)starts the worker on `choice` and reports the backend it got. */
  start(choice: BackendChoice): Promise<BackendInfo> {
    this.stop();
    this.choice = choice;
    const worker = this.makeWorker();
    this.worker = worker;
    this.api = Comlink.wrap<EngineApi>(worker);
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      if (this.worker === worker) this.crashed(`The engine stopped unexpectedly (${e.message || 'it may have run out of memory'}).`);
    });
    this.ready = this.guard(this.api.init(choice, EngineClient.deviceCalibration)).then((info) => {
      if (info.calibration) EngineClient.deviceCalibration = info.calibration;
      return info;
    });
    this.markStarted();
    return this.ready;
  }

  /** Runs a spec in the worker; rejects with WorkerCrashedError or ForcedCancelError when those happen. */
  async run(spec: PipelineSpec, onProgress: (event: ProgressEvent) => void, options?: RunOptionsForWorker): Promise<RunView> {
    const api = await this.readyApi();
    const unbatch = (events: readonly ProgressEvent[]) => {
      for (const event of events) onProgress(event);
    };
    return this.guard(api.run(spec, Comlink.proxy(unbatch), options), true);
  }

  /** Asks the run to stop; if it has not stopped within CANCEL_GRACE_MS, the worker is replaced. */
  cancel(): void {
    const run = this.runInterrupt;
    if (!run || !this.api) return;
    void this.api.cancel();
    setTimeout(() => {
      if (this.runInterrupt !== run) return;
      run(new ForcedCancelError('The run was cancelled; its worker was restarted to stop it at once.'));
      this.restart();
    }, CANCEL_GRACE_MS);
  }

  /**
   * Calls one method of the engine API in the worker and resolves with its answer: waits for
   * a started worker, passes functions (progress callbacks) as Comlink proxies, and rejects
   * with WorkerCrashedError when the worker stops meanwhile. Runs go through run().
   */
  async call<M extends EngineMethod>(method: M, ...args: Parameters<EngineApi[M]>): Promise<Awaited<ReturnType<EngineApi[M]>>> {
    const api = await this.readyApi();
    const sent = args.map((arg: unknown) => (typeof arg === 'function' ? Comlink.proxy(arg) : arg));
    const remote = api[method] as unknown as (...a: unknown[]) => Promise<Awaited<ReturnType<EngineApi[M]>>>;
    return this.guard(remote(...sent));
  }

  /** Tells the current worker something without waiting for an answer (nothing is sent before the first start). */
  tell(method: 'cancelPreview' | 'simulateCrash'): void {
    this.api?.[method]().catch(() => undefined);
  }

  /** Terminates the worker. */
  stop(): void {
    this.failAll(new WorkerCrashedError('The engine was restarted.'));
    if (this.api) this.api[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  private crashed(message: string): void {
    this.failAll(new WorkerCrashedError(`${message} A new engine was started; your pipeline is unchanged.`));
    this.restart();
  }

  private restart(): void {
    const ready = this.start(this.choice);
    ready.catch(() => {});
    this.onRestart(ready);
  }

  private failAll(err: Error): void {
    for (const reject of [...this.pending]) reject(err);
    this.pending.clear();
    this.runInterrupt = null;
  }

  /** Races a call against a crash or a forced cancel of this worker. */
  private guard<T>(call: Promise<T>, isRun = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const interrupt = (err: Error) => reject(err);
      this.pending.add(interrupt);
      if (isRun) this.runInterrupt = interrupt;
      call.then(resolve, reject).finally(() => {
        this.pending.delete(interrupt);
        if (this.runInterrupt === interrupt) this.runInterrupt = null;
      });
    });
  }

  /**
   * The API of a worker that has initialised its backend. Waits for the first start,
   * and follows a restart that happens meanwhile (another backend was chosen), so a
   * call is never sent to a worker that is being replaced.
   */
  private async readyApi(): Promise<Comlink.Remote<EngineApi>> {
    await this.firstStart;
    for (let attempt = 0; attempt < 20; attempt++) {
      const api = this.api;
      const ready = this.ready;
      if (!api || !ready) break;
      try {
        await ready;
      } catch (err) {
        if (this.api === api) throw err;
        continue;
      }
      if (this.api === api) return api;
    }
    throw new Error('The engine is not started.');
  }
}
