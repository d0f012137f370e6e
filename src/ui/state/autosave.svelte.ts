import type { PipelineSpec } from '../../core/spec';
import type { PipelabDb } from '../../storage/db';
import type { StoredPipeline } from '../../storage/records';
import { savePipelineSpec, type SaveResult } from '../../storage/save-spec';
import type { EditorState } from './editor.svelte';
import { EditJournal, type JournalEntry } from './edit-journal';

/** How long after an edit the autosave writes (the edit is journaled at once; see EditJournal). */
export const AUTOSAVE_MS = 300;

const LIVE_CONFLICT =
  'Another tab changed this pipeline before your edit was saved. You now see that tab’s version; your edit is kept in Versions as “edit kept from a conflict”.';
const CLOSED_CONFLICT =
  'An edit made just before a page closed met a newer one from another tab: the newer one is shown, and the edit is kept in Versions as “edit kept from a conflict”.';

/** What the autosave needs from the workspace that owns it. */
export interface AutosaveHost {
  readonly db: PipelabDb;
  readonly tabId: string;
  /** The pipeline open in the editor, or null. */
  currentId(): string | null;
  /** Runs a storage call; a failure becomes the workspace's message and the answer null. */
  guard<T>(call: () => Promise<T>): Promise<T | null>;
  /** Shows a message about storage. */
  report(message: string): void;
}

/**
 * Autosave of the open pipeline. Every edit is journaled synchronously (so a reload
 * or a closed page cannot lose it) and saved shortly after, one save at a time, with
 * the revision it was made on. Another tab's write is taken into the editor unless
 * an edit is unsaved; a save that meets a newer write keeps the edit as a version,
 * shows the newer spec and says so.
 */
export class Autosave {
  saveState = $state<'saved' | 'pending' | 'saving'>('saved');
  /** The message shown after an edit met a newer one from another tab (null once dismissed). */
  conflictNotice = $state<string | null>(null);
  /** How many edits met a newer one from another tab (each kept as a version) since this page loaded. */
  conflicts = $state(0);
  private baseRev = 0;
  /** The base was another tab's write: keep it as a version when this tab replaces it. */
  private foreignBase = false;
  /** An edit is not saved (or kept) yet: other tabs' writes wait until it is. */
  private dirty = false;
  private editRevision = 0;
  private saving: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stop: (() => void) | null = null;
  private unwatch: (() => void) | null = null;
  private readonly journal: EditJournal;

  constructor(
    private readonly host: AutosaveHost,
    private readonly editor: EditorState,
    makeJournal: (tabId: string) => EditJournal,
  ) {
    this.journal = makeJournal(host.tabId);
  }

  /**
   * Starts saving edits, and saves the edits journaled by pages that closed before
   * saving them (those closed earlier, and those that close while this one is open).
   */
  async start(): Promise<void> {
    this.journal.hold();
    this.stop = this.editor.subscribe((revision, reason) => {
      if (this.host.currentId() && (reason === 'edit' || reason === 'remote')) this.onEdit(revision);
    });
    const recover = (entry: JournalEntry) => this.recover(entry);
    this.unwatch = this.journal.watch(recover);
    await this.journal.recoverOrphans(recover);
  }

  /** The editor now shows the stored spec of revision `rev` (a pipeline opened, a version restored). */
  based(rev: number): void {
    this.baseRev = rev;
    this.foreignBase = false;
    this.dirty = false;
  }

  /** Writes a pending edit now, and waits for any save in flight. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      void this.queueSave();
    }
    await this.saving;
  }

  /**
   * The open pipeline's stored row changed. Another tab's write is taken into the editor,
   * unless an edit of ours is unsaved: that save then meets the newer write, keeps our edit
   * and loads theirs.
   */
  stored(row: StoredPipeline): void {
    if (row.id !== this.host.currentId() || row.rev <= this.baseRev || row.writer === this.host.tabId || this.dirty) return;
    this.baseRev = row.rev;
    this.foreignBase = true;
    this.load(row.spec);
  }

  /** Hides the conflict message. */
  dismissConflict(): void {
    this.conflictNotice = null;
  }

  /** Stops listening and lets this tab's lock go (tests, teardown). */
  dispose(): void {
    this.stop?.();
    this.unwatch?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.journal.close();
  }

  /** Loads a spec without counting it as an edit (only edits are saved). */
  load(spec: PipelineSpec): void {
    const selected = this.editor.selectedStepId;
    this.editor.load(spec);
    this.editor.selectedStepId = spec.steps.some((s) => s.id === selected) ? selected : null;
  }

  private onEdit(revision: number): void {
    this.dirty = true;
    this.editRevision = revision;
    const spec = $state.snapshot(this.editor.spec) as PipelineSpec;
    this.journal.write({ pipelineId: this.host.currentId()!, spec, baseRev: this.baseRev, keepBase: this.foreignBase });
    this.saveState = 'pending';
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.queueSave();
    }, AUTOSAVE_MS);
  }

  /** Saves one after the other, so each save starts from the revision the last one left. */
  private queueSave(): Promise<void> {
    this.saving = this.saving.then(() => this.save());
    return this.saving;
  }

  private async save(): Promise<void> {
    const id = this.host.currentId();
    if (!id || !this.dirty) return;
    this.saveState = 'saving';
    const revision = this.editor.revision;
    // A copy of its own (outside the browser build, $state.snapshot hands back the object itself).
    const spec = structuredClone($state.snapshot(this.editor.spec)) as PipelineSpec;
    const options = { keepBase: this.foreignBase };
    const result = await this.host.guard(() => savePipelineSpec(this.host.db, id, spec, this.baseRev, this.host.tabId, options));
    if (result && this.host.currentId() === id) this.settle(result, revision);
    this.saveState = this.timer || this.dirty ? 'pending' : 'saved';
  }

  /** Takes a save's outcome: the new base; after a conflict, the newer spec and a message. */
  private settle(result: SaveResult, revision: number): void {
    const newerEdit = this.editRevision > revision;
    if (result.conflict) {
      this.tell(LIVE_CONFLICT);
      // A newer edit is pending: it is saved against the same (stale) base, so it is kept too.
      if (newerEdit) return;
      this.load(result.conflict.spec);
    }
    this.baseRev = result.rev;
    this.foreignBase = result.conflict !== null;
    if (newerEdit) return;
    this.dirty = false;
    this.journal.clear();
  }

  /** Saves an edit journaled by a page that closed before saving it; false keeps it for the next load. */
  private async recover(entry: JournalEntry): Promise<boolean> {
    const { db } = this.host;
    if (!(await db.pipelines.get(entry.pipelineId))) {
      this.host.report('An unsaved edit of a pipeline that has since been deleted for good could not be kept.');
      return true;
    }
    const options = { keepBase: entry.keepBase };
    const result = await this.host.guard(() => savePipelineSpec(db, entry.pipelineId, entry.spec, entry.baseRev, entry.tabId, options));
    if (result?.conflict) this.tell(CLOSED_CONFLICT);
    return result !== null;
  }

  private tell(message: string): void {
    this.conflicts++;
    this.conflictNotice = message;
  }
}
