import { liveQuery, type Subscription } from 'dexie';
import type { io } from '@tensorflow/tfjs';
import type { PipelineSpec } from '../../core/spec';
import type { RunView } from '../../engine/run-view';
import type { PipelabDb } from '../../storage/db';
import { dexieModelHandler } from '../../storage/model-io';
import {
  createPipeline, deletePipeline, duplicatePipeline, getPipeline, listPipelines, purgeDeleted, restoreDeleted, saveSelection,
  type ListedPipeline,
} from '../../storage/pipelines-repo';
import type { StoredPipeline, StoredRun, StoredVersion } from '../../storage/records';
import { deleteRuns, getRun, saveRun } from '../../storage/runs-repo';
import { RunList, type ListedRun } from './run-list';
import { getSetting, setSetting } from '../../storage/settings-repo';
import { getHead, labelVersion, listVersions, recordVersion, restoreVersion } from '../../storage/versions-repo';
import { adoptDataVersion } from '../../storage/data-versions-repo';
import type { EditorState } from './editor.svelte';
import { Autosave } from './autosave.svelte';
import { EditJournal } from './edit-journal';
import { MessageStore } from './messages.svelte';

export { AUTOSAVE_MS } from './autosave.svelte';

const UNDO_MS = 12_000;
const PURGE_AFTER_MS = 24 * 3600 * 1000;

/** The message store source of storage failures. */
export const STORAGE_MESSAGES = 'storage';

/**
 * The workspace kept in IndexedDB: the pipelines, the open one's versions and
 * runs (live queries, so two tabs stay current), autosave of every edit (see
 * Autosave: journaled at once, revision-checked against other tabs), and delete
 * with undo. Storage failures (a full disk) become a message; nothing already
 * saved is touched.
 */
export class WorkspaceState {
  readonly tabId = globalThis.crypto.randomUUID();
  /** The workspace's pipelines; one whose stored spec fails restore carries its `problem`. */
  pipelines = $state.raw<ListedPipeline[]>([]);
  currentId = $state<string | null>(null);
  versions = $state.raw<StoredVersion[]>([]);
  /** The open pipeline's runs, newest first, without their views (getRun loads a whole one). */
  runs = $state.raw<ListedRun[]>([]);
  headVersion = $state<string | null>(null);
  /** The last storage failure (cleared by the next storage call that succeeds), from the message store. */
  get error(): string | null {
    return this.messages.latest('error', STORAGE_MESSAGES);
  }
  undo = $state<{ id: string; name: string } | null>(null);
  /** Saves the edits of the open pipeline. */
  readonly autosave: Autosave;
  private undoTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly subscriptions: Subscription[] = [];
  private currentSubs: Subscription[] = [];

  constructor(
    readonly db: PipelabDb,
    private readonly editor: EditorState,
    makeJournal: (tabId: string) => EditJournal = (tabId) => new EditJournal(tabId),
    /** Where storage failures are posted (source "storage"; the app passes its store). */
    readonly messages = new MessageStore(),
  ) {
    const host = { db, tabId: this.tabId, currentId: () => this.currentId, guard: this.guard.bind(this), report: (m: string) => messages.post(STORAGE_MESSAGES, 'error', m) };
    this.autosave = new Autosave(host, editor, makeJournal);
  }

  /** Whether the open pipeline's edits are saved ('pending': an edit waits for its save). */
  get saveState(): 'saved' | 'pending' | 'saving' {
    return this.autosave.saveState;
  }

  /**
   * Subscribes to the pipeline list, starts autosave (saving what pages closed too early
   * left in the journal), tidies old deletions; returns the pipeline to reopen, if any.
   */
  async init(): Promise<string | null> {
    this.subscriptions.push(liveQuery(() => listPipelines(this.db)).subscribe({ next: (p) => (this.pipelines = p), error: (e) => this.fail(e) }));
    await this.autosave.start();
    await purgeDeleted(this.db, Date.now() - PURGE_AFTER_MS).catch(() => 0);
    const last = await getSetting<string | null>(this.db, 'currentPipeline', null);
    const row = last ? (await listPipelines(this.db)).find((p) => p.id === last) : undefined;
    return row ? row.id : null;
  }

  /** Creates a pipeline from a spec (a gallery example, a blank one) and opens it. */
  async create(spec: PipelineSpec): Promise<string | null> {
    const row = await this.guard(() => createPipeline(this.db, spec, this.tabId));
    if (!row) return null;
    await this.open(row.id);
    return row.id;
  }

  /**
   * Makes the user's own fork of a shared pipeline: the shared original is kept as
   * its first version (label "shared original"), the edited spec becomes the head.
   */
  async fork(original: PipelineSpec, edited: PipelineSpec, forkedFrom: NonNullable<StoredPipeline['forkedFrom']>): Promise<string | null> {
    const row = await this.guard(() => createPipeline(this.db, edited, this.tabId, Date.now(), forkedFrom));
    if (!row) return null;
    await this.guard(() => recordVersion(this.db, row.id, original, 'import', 'shared original'));
    await this.open(row.id);
    return row.id;
  }

  /** Opens a stored pipeline in the editor; returns its last run (to show its results), if any. */
  async open(id: string): Promise<StoredRun | null> {
    await this.flush();
    const row = await this.guard(() => getPipeline(this.db, id));
    if (!row) return null;
    this.autosave.load(row.spec);
    this.editor.selectedStepId = row.selectedStepId;
    this.autosave.based(row.rev);
    this.currentId = id;
    this.headVersion = await getHead(this.db, id);
    this.watchCurrent(id);
    await this.guard(() => setSetting(this.db, 'currentPipeline', id));
    const lastRunId = row.lastRunId;
    return lastRunId ? ((await this.guard(() => getRun(this.db, lastRunId))) ?? null) : null;
  }

  /**
   * Moves every pipeline reading the file `name` to its version `hash` (saved as an
   * edit of each, marked as having new data). Returns the ids of those that changed.
   */
  async adoptData(name: string, hash: string): Promise<string[]> {
    await this.flush();
    return (await this.guard(() => adoptDataVersion(this.db, name, hash))) ?? [];
  }

  /** Records the run's version, the run itself and its model. */
  async recordRun(spec: PipelineSpec, view: RunView, model: io.ModelArtifacts | null): Promise<StoredRun | null> {
    const id = this.currentId;
    if (!id) return null;
    return this.guard(async () => {
      await recordVersion(this.db, id, spec, 'run');
      const run = await saveRun(this.db, id, view);
      if (model) await dexieModelHandler(this.db, run.id).save(model);
      return run;
    });
  }

  /** Saves the current spec as a labelled version. */
  async saveVersion(spec: PipelineSpec, label: string): Promise<void> {
    const id = this.currentId;
    if (id) await this.guard(() => recordVersion(this.db, id, spec, 'save', label.trim()));
  }

  /** Sets a version's label. */
  async relabel(hash: string, label: string): Promise<void> {
    const id = this.currentId;
    if (id) await this.guard(() => labelVersion(this.db, id, hash, label.trim()));
  }

  /** Makes an earlier version the head and loads it into the editor; false when it could not (the message says why). */
  async restore(hash: string): Promise<boolean> {
    const id = this.currentId;
    if (!id) return false;
    await this.flush();
    const spec = await this.guard(() => restoreVersion(this.db, id, hash, this.tabId));
    if (!spec) return false;
    const row = await this.guard(() => getPipeline(this.db, id));
    if (row) this.autosave.based(row.rev);
    this.autosave.load(spec);
    return true;
  }

  /** Remembers the selected step with the pipeline. */
  async select(stepId: string | null): Promise<void> {
    const id = this.currentId;
    if (id) await this.guard(() => saveSelection(this.db, id, stepId));
  }

  /** Copies a pipeline and opens the copy. */
  async duplicate(id: string): Promise<void> {
    await this.flush();
    const copy = await this.guard(() => duplicatePipeline(this.db, id, this.tabId));
    if (copy) await this.open(copy.id);
  }

  /** Deletes a pipeline, offering undo for a while. */
  async remove(id: string): Promise<void> {
    await this.flush();
    const row = this.pipelines.find((p) => p.id === id);
    await this.guard(() => deletePipeline(this.db, id));
    if (this.currentId === id) this.close();
    this.undo = { id, name: row?.name ?? 'pipeline' };
    if (this.undoTimer) clearTimeout(this.undoTimer);
    this.undoTimer = setTimeout(() => (this.undo = null), UNDO_MS);
  }

  /** Brings back the pipeline deleted last. */
  async undoRemove(): Promise<void> {
    const pending = this.undo;
    if (!pending) return;
    await this.guard(() => restoreDeleted(this.db, pending.id));
    this.undo = null;
  }

  /** Deletes stored runs. */
  async deleteRuns(ids: string[]): Promise<void> {
    await this.guard(() => deleteRuns(this.db, ids));
  }

  /** Writes a pending edit now (and waits for a save in flight). */
  flush(): Promise<void> {
    return this.autosave.flush();
  }

  /** Stops every subscription (tests, teardown). */
  dispose(): void {
    this.autosave.dispose();
    for (const s of [...this.subscriptions, ...this.currentSubs]) s.unsubscribe();
  }

  /** Stops following the open pipeline (a shared one is being shown); nothing is saved until reattached. */
  detach(): void {
    this.close();
  }

  private close(): void {
    for (const s of this.currentSubs) s.unsubscribe();
    this.currentSubs = [];
    this.currentId = null;
    this.versions = [];
    this.runs = [];
  }

  private watchCurrent(id: string): void {
    for (const s of this.currentSubs) s.unsubscribe();
    const onError = (e: unknown) => this.fail(e);
    const runList = new RunList(id);
    this.currentSubs = [
      liveQuery(() => listVersions(this.db, id)).subscribe({ next: (v) => (this.versions = v), error: onError }),
      liveQuery(() => runList.load(this.db)).subscribe({ next: (r) => (this.runs = r), error: onError }),
      liveQuery(() => getPipeline(this.db, id)).subscribe({ next: (row) => row && this.autosave.stored(row), error: onError }),
      liveQuery(() => getHead(this.db, id)).subscribe({ next: (hash) => (this.headVersion = hash), error: onError }),
    ];
  }

  /** Runs a storage call; a failure becomes the workspace's error message instead of an exception. */
  private async guard<T>(call: () => Promise<T>): Promise<T | null> {
    try {
      const out = await call();
      this.messages.clear(STORAGE_MESSAGES);
      return out;
    } catch (err) {
      this.fail(err);
      return null;
    }
  }

  private fail(err: unknown): void {
    this.messages.post(STORAGE_MESSAGES, 'error', err instanceof Error ? err.message : String(err));
  }
}
