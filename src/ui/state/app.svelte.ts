import type { PipelineSpec } from '../../core/spec';
import { PipelabDb } from '../../storage/db';
import type { StoredRun } from '../../storage/records';
import { getSetting, setSetting } from '../../storage/settings-repo';
import type { BackendChoice } from '../../worker/engine-api';
import { GALLERY } from '../gallery/gallery';
import { EditorState } from './editor.svelte';
import { RunnerState } from './runner.svelte';
import { WorkspaceState } from './workspace.svelte';
import { LabState } from './lab.svelte';

/** Which screen is showing. */
export type Screen = 'gallery' | 'editor';

/** Which view the results side of the editor shows. */
export type ResultsTab = 'results' | 'runs' | 'versions' | 'lab';

/** Storage usage as the browser reports it. */
export interface StorageInfo {
  readonly used: number;
  readonly quota: number;
  readonly persisted: boolean;
}

/** The whole app's state: the screen, the pipeline being edited, the engine runner and the stored workspace. */
export class AppState {
  screen = $state<Screen>('gallery');
  tab = $state<ResultsTab>('results');
  storage = $state<StorageInfo | null>(null);
  ready = $state(false);
  /** Id of the stored run whose results are on display, if any. */
  shownRunId = $state<string | null>(null);
  readonly editor = new EditorState();
  readonly runner = new RunnerState();
  readonly lab = new LabState();
  readonly workspace: WorkspaceState;

  constructor(db = new PipelabDb()) {
    this.workspace = new WorkspaceState(db, this.editor);
  }

  /** Loads the workspace and reopens the pipeline that was open before the reload. */
  async init(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<void> {
    const backend = await getSetting<BackendChoice>(this.workspace.db, 'backend', 'auto').catch(() => 'auto' as const);
    void this.runner.useBackend(backend);
    const id = await this.workspace.init();
    if (id) await this.openStored(id);
    this.ready = true;
    await this.checkStorage(storage, true);
  }

  /** Switches the engine to another backend and remembers the choice. */
  async setBackend(choice: BackendChoice): Promise<void> {
    await setSetting(this.workspace.db, 'backend', choice).catch(() => undefined);
    await this.runner.useBackend(choice);
  }

  /** Opens a copy of a pipeline (a gallery example, a blank one) as a new workspace pipeline. */
  async open(spec: PipelineSpec): Promise<void> {
    this.runner.showStored(null);
    this.shownRunId = null;
    await this.workspace.create(structuredClone(spec));
    this.tab = 'results';
    this.screen = 'editor';
  }

  /** Opens a gallery example by id (e.g. "iris-logreg"); returns false when there is none. */
  async openExample(id: string): Promise<boolean> {
    const entry = GALLERY.find((e) => e.id === id);
    if (entry) await this.open(entry.spec);
    return Boolean(entry);
  }

  /** Opens a stored pipeline with its last run's results and selection. */
  async openStored(id: string): Promise<void> {
    const last = await this.workspace.open(id);
    this.runner.showStored(last?.view ?? null);
    this.shownRunId = last?.id ?? null;
    this.runner.showStep(this.editor.selectedStepId);
    this.tab = 'results';
    this.screen = 'editor';
  }

  /** Shows a stored run's results. */
  openRun(run: StoredRun): void {
    this.runner.showStored(run.view);
    this.runner.showStep(this.editor.selectedStepId);
    this.shownRunId = run.id;
    this.tab = 'results';
  }

  /** Selects the step whose output the data view shows (remembered with the pipeline). */
  async selectStep(stepId: string | null): Promise<void> {
    this.editor.selectedStepId = stepId;
    this.runner.showStep(stepId);
    await this.workspace.select(stepId);
  }

  /** Validates the pipeline, runs it, and stores the run with its version and model. */
  async run(): Promise<void> {
    let spec: PipelineSpec;
    try {
      spec = this.editor.snapshot();
    } catch (err) {
      this.runner.error = `The pipeline is not valid: ${(err as Error).message}`;
      return;
    }
    const before = this.runner.view;
    this.tab = 'results';
    await this.runner.run(spec);
    const view = this.runner.view;
    this.runner.showStep(this.editor.selectedStepId);
    if (view && view !== before) {
      const model = view.record.status === 'done' ? await this.runner.exportModel() : null;
      const stored = await this.workspace.recordRun(spec, view, model);
      this.shownRunId = stored?.id ?? null;
    }
    await this.checkStorage(globalThis.navigator?.storage, false);
  }

  /** Reads storage usage; on start, also asks the browser to keep the data persistently. */
  async checkStorage(storage: StorageManager | undefined, askPersist: boolean): Promise<void> {
    if (!storage?.estimate) return;
    try {
      const persisted = askPersist && storage.persist ? await storage.persist() : ((await storage.persisted?.()) ?? false);
      const { usage = 0, quota = 0 } = await storage.estimate();
      this.storage = { used: usage, quota, persisted };
    } catch {
      this.storage = null;
    }
  }
}
