import type { PipelineSpec } from '../../core/spec';
import { PipelabDb } from '../../storage/db';
import { getSetting, setSetting } from '../../storage/settings-repo';
import type { BackendChoice, DataOptions } from '../../worker/engine-api';
import type { EngineClient } from '../../worker/engine-client';
import type { EnginePool } from '../../worker/engine-pool';
import type { Calibration } from '../../engine/calibration';
import type { RunView } from '../../engine/run-view';
import { GALLERY } from '../gallery/gallery';
import { EditorState } from './editor.svelte';
import { RunnerState } from './runner.svelte';
import { WorkspaceState } from './workspace.svelte';
import { MessageStore } from './messages.svelte';
import { LabState } from './lab.svelte';
import { SweepState } from './sweep.svelte';
import { ImportPreviewState } from './import-preview.svelte';
import { ClassState, type AssignmentChoice } from './class.svelte';
import { followTeacher, shareEdits } from './live-glue';
import type { StoredBoard } from '../../class/board-record';
import type { SharePayload } from '../../share/share-payload';
import type { AuthorCheck } from '../../share/compare-author';
import { versionHash } from '../../engine/fingerprint';
import { appBaseUrl, presentRequested, setPresentParam } from '../../share/location';
import { saveRun } from '../../storage/runs-repo';
import { fileStem, saveFile } from '../workspace/save-file';
import { putDataset } from '../../storage/datasets-repo';
import { earlierData, hasNewData } from '../../storage/data-versions-repo';
import { sha256Hex } from '../../core/hash';
import { formatOf } from '../../steps/data/parse-user-data';
import { wholeRuns, type RunRow } from './run-list';
import { checkSharedData, linkData, storeSharedData } from './shared-data';
import type { SharedData } from '../../share/share-payload';

/**
 * The app's own message sources: `action` errors show with the run's (a link that cannot be
 * opened, an invalid pipeline, a wrong data file), `import` errors with storage's, `notice`
 * in the notice banner.
 */
export const APP_MESSAGES = { action: 'app', import: 'import', notice: 'notice' } as const;

/** Pause after the last edit before auto-run starts a run. */
export const AUTO_RUN_MS = 500;

/** Which screen is showing. */
export type Screen = 'gallery' | 'editor' | 'class';

/** Which view the results side of the editor shows. */
export type ResultsTab = 'results' | 'runs' | 'versions' | 'lab' | 'sweep';

/** Storage usage as the browser reports it. */
export interface StorageInfo {
  readonly used: number;
  readonly quota: number;
  readonly persisted: boolean;
}

/** Where the app's engine runs: the editor's client and a maker of pools (lab, sweeps). Absent parts: real workers; Node tests pass stand-ins. */
export interface AppEngine {
  readonly client?: EngineClient;
  readonly pool?: () => EnginePool;
}

/** The whole app's state: the screen, the pipeline being edited, the engine runner and the stored workspace. */
export class AppState {
  screen = $state<Screen>('gallery');
  tab = $state<ResultsTab>('results');
  storage = $state<StorageInfo | null>(null);
  ready = $state(false);
  /** Id of the stored run whose results are on display, if any. */
  shownRunId = $state<string | null>(null);
  /** A shared pipeline opened from a link: shown read-only until the first edit forks it. */
  shared = $state.raw<SharePayload | null>(null);
  /** How the last run of a shared pipeline compares with the author's result. */
  authorCheck = $state.raw<AuthorCheck | null>(null);
  /** The shared pipeline was edited after the check: the result no longer compares with the author's. */
  authorChanged = $state(false);
  /** Presentation mode: a projector layout (remembered; `?present` in the address turns it on). */
  present = $state(false);
  /** In presentation mode: the step whose parameters are open beside the results. */
  editingStepId = $state<string | null>(null);
  /** Every message the app shows: the runner's, storage's, and the app's own (APP_MESSAGES). */
  readonly messages = new MessageStore();
  /** A message for the user that is neither an error nor a result (a fork was made, a bundle imported). */
  get notice(): string | null {
    return this.messages.latest('info', APP_MESSAGES.notice);
  }
  private sharedRevision = -1;
  /** Re-run automatically after every edit (a short pause after the last one). */
  autoRun = $state(false);
  private autoTimer: ReturnType<typeof setTimeout> | null = null;
  private storageApi: StorageManager | undefined;
  private persistAsked = false;
  /** Files a shared pipeline reads that this browser does not have: the user is asked for them. */
  missingData = $state.raw<{ name: string; hash: string }[]>([]);
  /** Data embedded in the open link, checked against its hash: stored only when the user runs or forks it. */
  private pendingData: SharedData[] = [];
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
      if (this.shared && revision !== this.sharedRevision) void this.forkShared();
      if (reason === 'edit' && this.autoRun) this.scheduleAutoRun();
    });
    // The teacher's edits are shared while the session's pipeline is open (any, for an assignment made from an unsaved link).
    shareEdits(this.editor, this.classroom, () => this.classroom.livePipelineId === null || this.workspace.currentId === this.classroom.livePipelineId);
  }

  /** Opens a share link: the shared pipeline, read-only, on the author's backend when there is one. */
  async openShared(fragment: string): Promise<void> {
    try {
      const { decodeAssignmentLink } = await import('../../class/assignment'); // share links load their code when opened
      const { payload, assignment } = await decodeAssignmentLink(fragment);
      await this.workspace.flush();
      const data = await checkSharedData(this.workspace.db, payload);
      this.leaveShared();
      this.missingData = data.missing;
      this.pendingData = data.pending;
      this.showRun(null);
      this.workspace.detach();
      this.editor.load(payload.spec);
      this.sharedRevision = this.editor.revision;
      this.shared = payload;
      this.classroom.opened(assignment);
      if (assignment?.live) void followTeacher(assignment.live, this.classroom);
      this.screen = 'editor';
      const backend = payload.expected?.backend;
      if (backend === 'cpu' || backend === 'wasm' || backend === 'webgl') await this.runner.useBackend(backend);
    } catch (err) {
      this.messages.clear(APP_MESSAGES.notice);
      this.messages.post(APP_MESSAGES.action, 'error', `This link cannot be opened: ${(err as Error).message} Nothing you had saved was changed.`);
    }
  }

  /** The first edit of a shared pipeline makes the user's own fork; the link's original stays as it was. */
  private async forkShared(): Promise<void> {
    const payload = this.shared;
    if (!payload) return;
    this.shared = null;
    if (this.authorCheck) this.authorChanged = true;
    await this.keepSharedData();
    const edited = $state.snapshot(this.editor.spec) as PipelineSpec;
    const forkedFrom = { name: payload.spec.name, versionHash: await versionHash(payload.spec), resultHash: payload.expected?.resultHash ?? null };
    const id = await this.workspace.fork(payload.spec, edited, forkedFrom);
    await this.keepReproducingRun(id, forkedFrom.versionHash);
    void this.checkStorage(true);
    this.messages.post(APP_MESSAGES.notice, 'info', `This is now your own copy of “${payload.spec.name}”. The shared original is unchanged: open the link again to see it.`);
  }

  /** Where a preview (the data plot) reads the user's files: the database, plus an open link's embedded files not stored yet. */
  previewDataOptions(): DataOptions {
    const userData = Object.fromEntries(this.pendingData.flatMap((d) => (d.csv === null ? [] : [[d.hash, d.csv] as const])));
    return Object.keys(userData).length ? { dataDb: this.workspace.db.name, userData } : { dataDb: this.workspace.db.name };
  }

  /** Stores the open link's embedded data, once the user uses the pipeline (runs, forks, studies or exports it). */
  async keepSharedData(): Promise<void> {
    const pending = this.pendingData;
    this.pendingData = [];
    if (pending.length) await storeSharedData(this.workspace.db, pending);
  }

  /** The user's run of the shared original (the one checked against the author's) goes into the fork's runs. */
  private async keepReproducingRun(forkId: string | null, originalHash: string): Promise<void> {
    const view = this.runner.view;
    if (!forkId || !view || view.record.versionHash !== originalHash) return;
    const stored = await saveRun(this.workspace.db, forkId, view).catch(() => null);
    if (stored) this.shownRunId = stored.id;
  }

  /** Turns presentation mode on or off (remembered, and mirrored in the address as `?present`). */
  async setPresent(on: boolean): Promise<void> {
    this.present = on;
    this.editingStepId = null;
    setPresentParam(on);
    await setSetting(this.workspace.db, 'present', on).catch(() => undefined);
  }

  /** Runs again with every step recomputed (no step cache): the same result hash is expected. */
  runFromScratch(): Promise<void> {
    return this.run(false);
  }

  /** Loads the workspace and reopens the pipeline that was open before the reload. */
  async init(storage: StorageManager | undefined = globalThis.navigator?.storage, shareFragment: string | null = null): Promise<void> {
    this.storageApi = storage;
    const backend = await getSetting<BackendChoice>(this.workspace.db, 'backend', 'auto').catch(() => 'auto' as const);
    this.runner.rememberCalibration(await getSetting<Calibration | null>(this.workspace.db, 'calibration', null).catch(() => null));
    this.runner.onCalibrated = (c) => void setSetting(this.workspace.db, 'calibration', c).catch(() => undefined);
    if (!shareFragment) void this.runner.useBackend(backend);
    this.autoRun = await getSetting<boolean>(this.workspace.db, 'autoRun', false).catch(() => false);
    this.present = presentRequested() || (await getSetting<boolean>(this.workspace.db, 'present', false).catch(() => false));
    const id = await this.workspace.init();
    await this.classroom.init();
    void this.sweep.resume();
    if (shareFragment) await this.openShared(shareFragment);
    else if (id) await this.openStored(id);
    this.ready = true;
    await this.checkStorage(this.workspace.currentId !== null);
  }

  /** Turns auto-run on or off (remembered). */
  async setAutoRun(on: boolean): Promise<void> {
    this.autoRun = on;
    await setSetting(this.workspace.db, 'autoRun', on).catch(() => undefined);
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

  /** Switches the engine to another backend and remembers the choice. */
  async setBackend(choice: BackendChoice): Promise<void> {
    await setSetting(this.workspace.db, 'backend', choice).catch(() => undefined);
    await this.runner.useBackend(choice);
  }

  /** Opens a copy of a pipeline (a gallery example, a blank one) as a new workspace pipeline. */
  async open(spec: PipelineSpec): Promise<void> {
    this.leaveShared();
    this.showRun(null);
    await this.workspace.create(structuredClone(spec));
    this.screen = 'editor';
    void this.checkStorage(true);
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
   * The one way results go on display (null: none): after a run (the runner already holds
   * it), a stored run opened, a pipeline or a link opened. Shows `view` with the selected
   * step's data view on the results tab, remembers the stored run's id, and clears the
   * app's messages about what was on display before.
   */
  showRun(view: RunView | null, storedId: string | null = null): void {
    if (this.runner.view !== view || view === null) this.runner.showStored(view);
    this.runner.showStep(this.editor.selectedStepId);
    this.shownRunId = storedId;
    this.tab = 'results';
    this.messages.clear(APP_MESSAGES.action);
    this.messages.clear(APP_MESSAGES.import);
  }

  /** Leaves an open link behind (its read-only state, embedded data, assignment and author check). */
  private leaveShared(): void {
    this.shared = null;
    this.pendingData = [];
    this.classroom.opened(null);
    this.authorCheck = null;
    this.authorChanged = false;
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
      return this.checkStorage(true);
    }
    this.showRun(view, null);
    if (this.shared) {
      const { compareWithAuthor } = await import('../../share/compare-author');
      this.authorCheck = this.shared.expected ? compareWithAuthor(this.shared.expected, view.record) : null;
      return;
    }
    const model = view.record.status === 'done' ? await this.runner.engine.call('exportModel').catch(() => null) : null;
    const stored = await this.workspace.recordRun(spec, view, model);
    if (this.runner.view === view) this.shownRunId = stored?.id ?? null;
    await this.checkStorage(true);
  }

  /** A link to the pipeline as it is now, with the result on display when it belongs to this very version. */
  async shareLink(): Promise<{ url: string; withResult: boolean }> {
    const spec = this.editor.snapshot();
    const [{ shareUrl }, { sharedResult }] = await Promise.all([import('../../share/link-codec'), import('../../share/share-payload')]);
    const record = this.runner.view?.record;
    const matches = record?.status === 'done' && record.versionHash === (await versionHash(spec));
    const expected = matches && record ? sharedResult(record) : null;
    const data = await linkData(this.workspace.db, spec);
    return { url: await shareUrl({ spec, expected, data }, appBaseUrl()), withResult: Boolean(expected) };
  }

  /** Share → Assignment: an assignment link of the open pipeline, with a new class board to collect the results. */
  async makeAssignment(choice: AssignmentChoice): Promise<StoredBoard> {
    const spec = this.editor.snapshot();
    const source = { spec, versionHash: await versionHash(spec), record: this.runner.view?.record ?? null, data: await linkData(this.workspace.db, spec), pipelineId: this.workspace.currentId, base: appBaseUrl() };
    return this.classroom.makeAssignment(source, choice, Date.now());
  }

  /** A student's result link opened here: added to its class board, which is shown (or a notice says where it belongs). */
  async openResultCode(link: string): Promise<void> {
    if (await this.classroom.receive(link, Date.now())) this.screen = 'class';
    else if (this.classroom.message) this.messages.post(APP_MESSAGES.notice, 'info', this.classroom.message);
    else this.messages.clear(APP_MESSAGES.notice);
  }

  /** Shows a class board (the Class view). */
  async openBoard(id: string): Promise<void> {
    if (await this.classroom.openBoard(id)) this.screen = 'class';
  }

  /** Opens the previewed file as a starter pipeline built from the choices in the preview; the worker stores the file once by hash. */
  async openImported(): Promise<void> {
    const taken = this.importPreview.take();
    if (!taken) return;
    const { preview, choices } = taken;
    try {
      await this.runner.engine.call('storePreviewed', preview.hash, this.workspace.db.name);
      const { starterPipeline } = await import('./starter-pipeline'); // loaded with the first import, not the start page
      await this.open(starterPipeline(preview, choices));
      this.messages.post(APP_MESSAGES.notice, 'info', `Imported ${preview.name}: ${preview.rows} rows, predicting "${choices.target}". Press Run.`);
    } catch (err) {
      this.messages.post(APP_MESSAGES.import, 'error', `The file could not be imported: ${(err as Error).message}`);
    }
  }

  /**
   * Stores a re-imported file as the next version of the data set of that name and
   * moves the pipelines that read it to the new version, then opens one of them (the
   * open one when it is among them): its steps show stale and, with auto-run on, it
   * retrains. Each stored run records the data version it read.
   */
  async adoptImported(): Promise<void> {
    const number = this.importPreview.earlier?.nextNumber;
    const preview = this.importPreview.takeAsVersion();
    if (!preview) return;
    try {
      await this.runner.engine.call('storePreviewed', preview.hash, this.workspace.db.name);
      const current = this.workspace.currentId;
      const changed = await this.workspace.adoptData(preview.name, preview.hash);
      const show = changed.includes(current ?? '') ? current : changed[0];
      if (show) await this.openStored(show);
      this.messages.post(APP_MESSAGES.notice, 'info', `${preview.name} version ${number}: ${changed.length} pipeline${changed.length === 1 ? '' : 's'} now read it.` +
        (show ? (this.autoRun ? ' Retraining this one…' : ' Its steps are stale: press Run to retrain.') : ''));
    } catch (err) {
      this.messages.post(APP_MESSAGES.import, 'error', `The new version of ${preview.name} could not be imported: ${(err as Error).message}`);
    }
  }

  /** A file the user picked for a shared pipeline that needs it: kept when its content is the author's. */
  async provideData(name: string, text: string): Promise<void> {
    const hash = await sha256Hex(text);
    const wanted = this.missingData.find((m) => m.hash === hash);
    if (!wanted) {
      this.messages.post(APP_MESSAGES.action, 'error', `${name} is not the file this pipeline was made with (its content differs). Ask the author for the original file.`);
      return;
    }
    await putDataset(this.workspace.db, wanted.name, formatOf(wanted.name), text);
    this.missingData = this.missingData.filter((m) => m.hash !== hash);
    this.messages.clear(APP_MESSAGES.action);
  }

  /** Downloads the open pipeline with its versions, runs, data and models as one file. */
  async exportBundle(): Promise<void> {
    const id = this.workspace.currentId;
    if (!id) throw new Error('Make your own copy first: only your pipelines can be exported as a bundle.');
    await this.workspace.flush();
    const { bundleText, collectBundle } = await import('../../share/bundle');
    const bundle = await collectBundle(this.workspace.db, id);
    saveFile(bundleText(bundle), `${fileStem(bundle.pipeline.name)}.pipelab.json`, 'application/json');
  }

  /** Downloads a Python script (scikit-learn) that rebuilds the pipeline on the same data and split. */
  async exportPythonScript(): Promise<void> {
    const spec = this.editor.snapshot();
    await this.keepSharedData();
    const inputs = await this.runner.engine.call('pythonInputs', spec, { dataDb: this.workspace.db.name });
    const { exportPython } = await import('../../share/python-export'); // loaded on first use, not with the start page
    saveFile(exportPython(spec, inputs), `${fileStem(spec.name)}.py`, 'text/x-python');
  }

  /** Downloads a Jupyter notebook (.ipynb) of the same scikit-learn code, one explained cell per step. */
  async exportNotebookFile(): Promise<void> {
    const spec = this.editor.snapshot();
    const inputs = await this.runner.engine.call('pythonInputs', spec, { dataDb: this.workspace.db.name });
    const { exportNotebook } = await import('../../share/notebook-export'); // loaded on first use
    saveFile(exportNotebook(spec, inputs), `${fileStem(spec.name)}.ipynb`, 'application/x-ipynb+json');
  }

  /** Imports a bundle file, merging it without duplicates, and opens its pipeline. */
  async importBundleText(text: string): Promise<void> {
    try {
      const { importBundle, parseBundle } = await import('../../share/bundle');
      const summary = await importBundle(this.workspace.db, parseBundle(text));
      await this.openStored(summary.pipelineId);
      void this.checkStorage(true);
      this.messages.post(APP_MESSAGES.notice, 'info', `Imported “${summary.name}”: ${summary.runs} new runs, ${summary.versions} new versions${summary.newPipeline ? '' : ' (merged into your copy)'}.`);
    } catch (err) {
      this.messages.clear(APP_MESSAGES.notice);
      this.messages.post(APP_MESSAGES.import, 'error', `The bundle could not be imported: ${(err as Error).message} Nothing was changed.`);
    }
  }

  /** Reads storage usage; once something is saved, asks the browser (once) to keep the data persistently. */
  async checkStorage(saved: boolean): Promise<void> {
    const storage = this.storageApi;
    if (!storage?.estimate) return;
    try {
      const ask = saved && !this.persistAsked && Boolean(storage.persist);
      if (ask) this.persistAsked = true;
      const persisted = ask ? await storage.persist() : ((await storage.persisted?.()) ?? false);
      const { usage = 0, quota = 0 } = await storage.estimate();
      this.storage = { used: usage, quota, persisted };
    } catch {
      this.storage = null;
    }
  }
}
