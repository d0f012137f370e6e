import type { PipelineSpec } from '../../core/spec';
import { PipelabDb } from '../../storage/db';
import type { BackendChoice } from '../../worker/engine-api';
import type { EngineClient } from '../../worker/engine-client';
import type { EnginePool } from '../../worker/engine-pool';
import type { RunView } from '../../engine/run-view';
import { GALLERY } from '../gallery/gallery';
import { EditorState } from './editor.svelte';
import { RunnerState } from './runner.svelte';
import { WorkspaceState } from './workspace.svelte';
import { MessageStore } from './messages.svelte';
import { LabState } from './lab.svelte';
import { SweepState } from './sweep.svelte';
import { ImportPreviewState } from './import-preview.svelte';
import { ClassState } from './class.svelte';
import { shareEdits } from './live-glue';
import { setPresentParam } from '../../share/location';
import { earlierData, hasNewData } from '../../storage/data-versions-repo';
import { wholeRuns, type RunRow } from './run-list';
import { APP_MESSAGES, type AppHost, type ResultsTab, type Screen } from './app-host';
import { SharedLink } from './app-link.svelte';
import { StorageCheck } from './app-storage.svelte';
import { readSettings, remember } from './app-settings';
import { forkShared, openShared } from './share-actions.svelte';

export { APP_MESSAGES, type ResultsTab, type Screen } from './app-host';
export type { StorageInfo } from './app-storage.svelte';

/** Pause after the last edit before auto-run starts a run. */
export const AUTO_RUN_MS = 500;

/** Where the app's engine runs: the editor's client and a maker of pools (lab, sweeps). Absent parts: real workers; Node tests pass stand-ins. */
export interface AppEngine {
  readonly client?: EngineClient;
  readonly pool?: () => EnginePool;
}

/**
 * The whole app's state and its coordinator: the screen, the pipeline being edited, the
 * engine runner and the stored workspace; opening pipelines, showing runs (showRun),
 * running and selecting. Components call the actions on links, the classroom, imports and
 * exports from their own modules (share-actions, class-actions, import-actions,
 * export-actions), which take the parts of the app they use (AppHost).
 */
export class AppState implements AppHost {
  screen = $state<Screen>('gallery');
  tab = $state<ResultsTab>('results');
  ready = $state(false);
  /** Id of the stored run whose results are on display, if any. */
  shownRunId = $state<string | null>(null);
  /** Presentation mode: a projector layout (remembered; `?present` in the address turns it on). */
  present = $state(false);
  /** In presentation mode: the step whose parameters are open beside the results. */
  editingStepId = $state<string | null>(null);
  /** Re-run automatically after every edit (a short pause after the last one). */
  autoRun = $state(false);
  private autoTimer: ReturnType<typeof setTimeout> | null = null;
  /** Every message the app shows: the runner's, storage's, and the app's own (APP_MESSAGES). */
  readonly messages = new MessageStore();
  /** The share link open in the editor (read-only until forked), its data and the author check. */
  readonly link = new SharedLink();
  /** Browser storage usage and persistence. */
  readonly storage = new StorageCheck();
  readonly editor = new EditorState();
  readonly runner: RunnerState;
  readonly lab: LabState;
  readonly workspace: WorkspaceState;
  readonly sweep: SweepState;
  /** The classroom: a student's assignment and hand-in, the teacher's class boards. */
  readonly classroom: ClassState;
  /** The preview dialog of a data file being imported. */
  readonly importPreview = new ImportPreviewState(
    (file, onProgress) => this.runner.engine.call('previewFile', file, onProgress),
    () => this.runner.engine.tell('cancelPreview'),
    (name, hash) => earlierData(this.workspace.db, name, hash),
  );

  constructor(db = new PipelabDb(), engine: AppEngine = {}) {
    this.runner = new RunnerState(engine.client, this.messages);
    this.lab = new LabState(engine.pool?.());
    this.workspace = new WorkspaceState(db, this.editor, undefined, this.messages);
    this.lab.dataOptions = { dataDb: db.name };
    this.sweep = new SweepState(db, engine.pool?.());
    this.classroom = new ClassState(db);
    this.sweep.dataOptions = { dataDb: db.name };
    this.editor.subscribe((revision, reason) => {
      if (this.link.editedAt(revision)) void this.forkShared();
      if (reason === 'edit' && this.autoRun) this.scheduleAutoRun();
    });
    // The teacher's edits are shared while the session's pipeline is open (any, for an assignment made from an unsaved link).
    shareEdits(this.editor, this.classroom, () => this.classroom.livePipelineId === null || this.workspace.currentId === this.classroom.livePipelineId);
  }

  /** A message for the user that is neither an error nor a result (a fork was made, a bundle imported). */
  get notice(): string | null {
    return this.messages.latest('info', APP_MESSAGES.notice);
  }

  /** Loads the workspace and reopens the pipeline that was open before the reload (or the share link given). */
  async init(storage: StorageManager | undefined = globalThis.navigator?.storage, shareFragment: string | null = null): Promise<void> {
    this.storage.use(storage);
    const settings = await readSettings(this.workspace.db);
    this.runner.rememberCalibration(settings.calibration);
    this.runner.onCalibrated = (c) => void remember(this.workspace.db, 'calibration', c);
    if (!shareFragment) void this.runner.useBackend(settings.backend);
    this.autoRun = settings.autoRun;
    this.present = settings.present;
    const id = await this.workspace.init();
    await this.classroom.init();
    void this.sweep.resume();
    if (shareFragment) await this.openShared(shareFragment);
    else if (id) await this.openStored(id);
    this.ready = true;
    await this.storage.check(this.workspace.currentId !== null);
  }

  /** Opens a copy of a pipeline (a gallery example, a blank one) as a new workspace pipeline. */
  async open(spec: PipelineSpec): Promise<void> {
    this.leaveShared();
    this.showRun(null);
    await this.workspace.create(structuredClone(spec));
    this.screen = 'editor';
    void this.storage.check(true);
  }

  /** Opens a gallery example by id (e.g. "iris-logreg"); returns false when there is none. */
  async openExample(id: string): Promise<boolean> {
    const entry = GALLERY.find((e) => e.id === id);
    if (entry) await this.open(entry.spec);
    return Boolean(entry);
  }

  /** Opens a stored pipeline with its last run's results and selection. */
  async openStored(id: string): Promise<void> {
    this.leaveShared();
    const last = await this.workspace.open(id);
    if (this.workspace.currentId !== id) return; // it could not be read: the list stays, with the workspace's message
    this.showRun(last?.view ?? null, last?.id ?? null);
    this.screen = 'editor';
    // Its data got a new version since the last run: with auto-run on, retrain now.
    if (this.autoRun && (await hasNewData(this.workspace.db, id))) void this.run();
  }

  /** Shows a stored run's results (a listed run is read whole from storage first). */
  async openRun(listed: RunRow): Promise<void> {
    const [run] = await wholeRuns(this.workspace.db, [listed]);
    if (!run) return;
    this.showRun(run.view, run.id);
  }

  /**
   * Makes an earlier version of the open pipeline the head and loads it into the editor;
   * the display follows: the version's latest stored run, or nothing when it never ran.
   * The tab stays where the user restored it (the versions list, a sweep).
   */
  async restoreVersion(hash: string): Promise<void> {
    if (!(await this.workspace.restore(hash))) return; // not restored: the workspace's message says why
    const latest = this.workspace.runs.find((r) => r.versionHash === hash); // runs are listed newest first
    const [run] = latest ? await wholeRuns(this.workspace.db, [latest]) : [];
    this.showRun(run?.view ?? null, run?.id ?? null, this.tab);
  }

  /**
   * The one way results go on display (null: none): after a run (the runner already holds
   * it), a stored run opened, a version restored, a pipeline or a link opened. Shows `view`
   * with the selected step's data view on `tab` (the results tab unless told), remembers
   * the stored run's id, and clears the app's messages about what was on display before.
   */
  showRun(view: RunView | null, storedId: string | null = null, tab: ResultsTab = 'results'): void {
    if (this.runner.view !== view || view === null) this.runner.showStored(view);
    this.runner.showStep(this.editor.selectedStepId);
    this.shownRunId = storedId;
    this.tab = tab;
    this.messages.clear(APP_MESSAGES.action);
    this.messages.clear(APP_MESSAGES.import);
  }

  /** The run on display was stored as `storedId`: its id is remembered, unless another run went on display meanwhile. */
  markStored(view: RunView, storedId: string | null): void {
    if (this.runner.view === view) this.shownRunId = storedId;
  }

  /** Leaves an open link behind (its read-only state, embedded data, assignment and author check). */
  leaveShared(): void {
    this.link.leave();
    this.classroom.opened(null);
  }

  /** Selects the step whose output the data view shows (remembered with the pipeline). */
  async selectStep(stepId: string | null): Promise<void> {
    this.editor.selectedStepId = stepId;
    this.runner.showStep(stepId);
    await this.workspace.select(stepId);
  }

  /** Validates the pipeline, runs it, and stores the run with its version and model. */
  async run(useCache = true): Promise<void> {
    let spec: PipelineSpec;
    try {
      spec = this.editor.snapshot();
    } catch (err) {
      this.messages.post(APP_MESSAGES.action, 'error', `The pipeline is not valid: ${(err as Error).message}`);
      return;
    }
    this.messages.clear(APP_MESSAGES.action);
    const before = this.runner.view;
    this.tab = 'results';
    await this.keepSharedData();
    await this.runner.run(spec, { dataDb: this.workspace.db.name }, useCache);
    const view = this.runner.view;
    if (!view || view === before) {
      this.runner.showStep(this.editor.selectedStepId); // no new result (cancelled, crashed): the last one stays on display
      return this.storage.check(true);
    }
    this.showRun(view);
    if (this.link.payload) return this.checkWithAuthor(view);
    const model = view.record.status === 'done' ? await this.runner.engine.call('exportModel').catch(() => null) : null;
    this.markStored(view, (await this.workspace.recordRun(spec, view, model))?.id ?? null);
    await this.storage.check(true);
  }

  /** Runs again with every step recomputed (no step cache): the same result hash is expected. */
  runFromScratch(): Promise<void> {
    return this.run(false);
  }

  /** A run of an open link's pipeline: compared with the author's result (not stored: the link is only looked at). */
  private async checkWithAuthor(view: RunView): Promise<void> {
    const expected = this.link.payload?.expected;
    const { compareWithAuthor } = await import('../../share/compare-author');
    this.link.authorCheck = expected ? compareWithAuthor(expected, view.record) : null;
  }

  /** After an edit with auto-run on: cancel a run in flight and run again once edits pause. */
  private scheduleAutoRun(): void {
    if (this.autoTimer) clearTimeout(this.autoTimer);
    this.runner.cancel();
    this.autoTimer = setTimeout(() => {
      this.autoTimer = null;
      if (this.runner.status === 'running') this.scheduleAutoRun();
      else void this.run();
    }, AUTO_RUN_MS);
  }

  /** Turns auto-run on or off (remembered). */
  async setAutoRun(on: boolean): Promise<void> {
    this.autoRun = on;
    await remember(this.workspace.db, 'autoRun', on);
  }

  /** Turns presentation mode on or off (remembered, and mirrored in the address as `?present`). */
  async setPresent(on: boolean): Promise<void> {
    this.present = on;
    this.editingStepId = null;
    setPresentParam(on);
    await remember(this.workspace.db, 'present', on);
  }

  /** Switches the engine to another backend and remembers the choice. */
  async setBackend(choice: BackendChoice): Promise<void> {
    await remember(this.workspace.db, 'backend', choice);
    await this.runner.useBackend(choice);
  }

  /** Opens a share link: the shared pipeline, read-only, on the author's backend when there is one (share-actions). */
  openShared(fragment: string): Promise<void> {
    return openShared(this, fragment);
  }

  /** The first edit of an open link's pipeline: read-only ends at once, then the user's own fork is made (share-actions). */
  private async forkShared(): Promise<void> {
    const payload = this.link.fork();
    if (payload) await forkShared(this, payload);
  }

  /** Stores the open link's embedded data, once the user uses the pipeline (runs, forks, studies or exports it). */
  keepSharedData(): Promise<void> {
    return this.link.keepData(this.workspace.db);
  }
}
