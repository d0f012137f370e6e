import type { io } from '@tensorflow/tfjs';
import type { PipelineSpec } from '../core/spec';
import type { ProgressEvent } from '../engine/progress';
import type { PythonInputs } from '../engine/python-inputs';
import type { DataPlot } from '../engine/data-plot';
import type { RunView } from '../engine/run-view';
import type { StepView } from '../engine/step-view';
import type { Calibration } from '../engine/calibration';
import type { DataPreview } from '../steps/data/data-preview';
import type { ImportProgress } from './preview-file';
import type { RawRow } from '../engine/try-it/raw-table';
import type { TryItOutcome, TryItSetup } from '../engine/try-it/try-it';
import type { TrainingReplay } from '../engine/training-replay';

/** What the user picks: a backend by name, or auto (webgl, then wasm, then cpu). */
export type BackendChoice = 'auto' | 'webgl' | 'wasm' | 'cpu';

/** The backend a worker ended up on, and why others were passed over. */
export interface BackendInfo {
  readonly name: string;
  readonly floatPrecision: number;
  readonly tried: readonly { readonly name: string; readonly error: string }[];
  /** Chosen as Auto: small networks then run on cpu (autoBackend), the rest on `name`. */
  readonly auto: boolean;
  /** Under Auto: this device's calibration (cpu against WebGL, measured only where a real GPU is present). */
  readonly calibration?: Calibration;
  /** Whether that calibration was measured at this start (the page then remembers it in its settings). */
  readonly calibrated?: boolean;
  /** Under Auto: what the calibration means for the backend, in one sentence for the toolbar. */
  readonly autoNote?: string;
}

/** Per-run options the worker accepts. */
export interface RunOptionsForWorker {
  readonly useCache?: boolean;
  /** Texts of the user's imported files the spec reads, by content hash (they win over `dataDb`). */
  readonly userData?: Readonly<Record<string, string>>;
  /** Name of the app's IndexedDB database: the worker reads imported files from it by content hash. */
  readonly dataDb?: string;
}

/** Where a run finds the user's imported files: their texts, or the database the worker reads them from. */
export type DataOptions = Pick<RunOptionsForWorker, 'userData' | 'dataDb'>;

/** The engine API the worker exposes through Comlink; both sides share this type. */
export interface EngineApi {
  /**
   * Starts tfjs on the chosen backend. A worker uses one backend for its whole life (under
   * Auto, networks WebGL was measured faster for run on webgl). Auto calibrates on a real GPU
   * unless `remembered` holds a calibration of the same renderer.
   */
  init(choice: BackendChoice, remembered?: Calibration | null): Promise<BackendInfo>;
  /**
   * Runs a restored spec, streaming progress (in batches: see progress-batcher.ts);
   * resolves with what the results panel draws.
   * `useCache: false` recomputes every step (reproduction checks must not reuse outputs).
   */
  run(spec: PipelineSpec, onProgress: (events: readonly ProgressEvent[]) => void, options?: RunOptionsForWorker): Promise<RunView>;
  /** Cancels the current run (it stops at the next batch boundary). */
  cancel(): void;
  /** Runs only the data steps (and split) of a spec, through the cache, and returns their rows for the data plot (null: no data step). */
  dataPlot(spec: PipelineSpec, data?: DataOptions): Promise<DataPlot | null>;
  /** The data view of one step's output from the last run, or null. */
  stepView(stepId: string): Promise<StepView | null>;
  /** What an exported Python script needs: pipelab's test rows and, when Python cannot load it by name, the data. */
  pythonInputs(spec: PipelineSpec, data?: DataOptions): Promise<PythonInputs>;
  /** What the try-it form needs from the last run (raw columns, classes, test rows), or null when it has no model or did not finish. */
  tryItSetup(): Promise<TryItSetup | null>;
  /** Predictions for raw rows through the fitted steps and model of the run `runKey` (a result hash), one outcome per row. */
  predictRaw(runKey: string, rows: readonly RawRow[]): Promise<TryItOutcome[]>;
  /** A two-feature classifier's class probabilities at decision-map points of the run `runKey`; null when the engine does not hold it. */
  predictPoints(runKey: string, points: readonly (readonly [number, number])[]): Promise<number[][] | null>;
  /** The last run's trained model in TensorFlow.js's model format, or null when it has none. */
  exportModel(): Promise<io.ModelArtifacts | null>;
  /** The training replay of the last run (its frames computed from the weights recorded while it trained), or null. */
  replay(): Promise<TrainingReplay | null>;
  /**
   * Reads, parses and hashes a file the user picked, streaming progress, with the
   * run-time parser: resolves with its preview (the worker keeps its text for
   * storePreviewed), or rejects with a message naming the line and the problem.
   */
  previewFile(file: File, onProgress: (p: ImportProgress) => void): Promise<DataPreview>;
  /** Stops reading the file being previewed (its previewFile rejects). */
  cancelPreview(): void;
  /** Stores the last previewed file (by its hash) in the IndexedDB database `dbName`, once by content hash. */
  storePreviewed(hash: string, dbName: string): Promise<void>;
  /** A marker proving where the engine runs (tests check it is a worker). */
  whereAmI(): string;
  /** Throws an uncaught error inside the worker, to exercise crash recovery (used by the e2e tests). */
  simulateCrash(): void;
}
