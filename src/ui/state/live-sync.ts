// Keeps one editor and one live session in step (co-editing, issue 22). Local edits go to the room as
// the smallest change (what this person changed since the editor and the room last agreed), within
// 50 ms; a change from the room is read through the restore path and, when valid, loaded into the
// editor with a note of who changed what; when invalid it is shown as an error, never loaded (so never
// run) and the local copy stays as it was. Students only follow; the teacher and co-editors also write.
// Imported by the app's main chunk: it must not import Yjs (types only; the session brings it lazily).
import { describeChange } from '../../class/live-change';
import { canonicalJson } from '../../core/canonical-json';
import type { PipelineSpec } from '../../core/spec';
import type { ClassState } from './class.svelte';
import type { ChangeReason, EditorState } from './editor.svelte';
import type { LivePeer, LivePipeline, LiveSession } from './live.svelte';

/** How long local edits gather before they go to the room (one message per burst, e.g. a slider drag). */
export const LIVE_PUSH_MS = 50;

type Plain = Record<string, unknown>;

/** The editor ↔ room link of one session; it stops by itself once the session is left. */
export class EditorSync {
  /** The pipeline the editor and the room agreed on last (null: not yet). */
  private base: Plain | null = null;
  private applying = false;
  /** Who wrote the room changes not yet shown here (named in the next note). */
  private authors: LivePeer[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The editor's pipeline right after the user's last edit, waiting to be written (kept, so a load meanwhile cannot change it). */
  private pending: Plain | null = null;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly session: LiveSession,
    private readonly editor: EditorState,
    private readonly classroom: ClassState,
    /** False while the editor shows a pipeline that is not the session's (the teacher opened another one). */
    private readonly bound: () => boolean,
  ) {
    this.stops.push(editor.subscribe((_revision, reason) => this.onEditor(reason)));
    this.stops.push(session.onPipeline((pipeline) => this.onRoom(pipeline)));
    // A room that synced before this link was made (its code loads after the session starts) is adopted now.
    const already = session.pipeline();
    if (Object.keys(already.spec).length > 0) this.onRoom({ ...already, authors: [] });
  }

  private live(): boolean {
    if (this.classroom.live === this.session) return true;
    for (const stop of this.stops.splice(0)) stop();
    if (this.timer) clearTimeout(this.timer);
    return false;
  }

  private onEditor(reason: ChangeReason): void {
    if (!this.live() || this.applying || reason === 'remote' || !this.session.canEdit || !this.bound()) return;
    if (reason === 'edit') {
      this.pending = validSnapshot(this.editor) ?? this.pending; // an invalid local state is not shared; the next valid one is
      this.timer ??= setTimeout(() => this.push(), LIVE_PUSH_MS);
    } else {
      // The pipeline was (re)loaded here (reopened, forked from the link): the room's merged state is shown.
      queueMicrotask(() => this.adopt(false));
    }
  }

  private onRoom(pipeline: LivePipeline): void {
    if (!this.live() || !this.bound()) return;
    // Out of the Yjs observer first: a pending local edit is written before the merged state is read.
    this.authors.push(...(pipeline.authors ?? []));
    queueMicrotask(() => this.adopt(true));
  }

  /** Writes what was edited here since the last agreement into the room. */
  private push(): void {
    this.timer = null;
    const now = this.pending;
    this.pending = null;
    if (!now || !this.live() || !this.bound()) return;
    const before = this.base ?? this.session.pipeline().spec;
    if (canonicalJson(before) === canonicalJson(now)) return;
    this.session.applyEdit(before, now, describeChange(before, now).join(', '));
    this.base = now;
  }

  /**
   * Loads the room's merged pipeline into the editor when it is valid and differs, and says who changed
   * what (`announce`: a change came from the room; after a local load the room is re-applied quietly,
   * unless changes from others are still unannounced).
   */
  private adopt(announce: boolean): void {
    if (!this.live()) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.push();
    }
    const room = this.session.roomPipeline();
    if (room.kind === 'empty') return;
    const who = whoChanged(this.authors);
    if (room.kind === 'invalid') {
      this.classroom.liveError = true;
      this.classroom.liveNotice = `${who} made a change that cannot be used: ${room.error} Your copy is unchanged and nothing was run.`;
      return;
    }
    const spec = room.spec as unknown as Plain;
    const current = validSnapshot(this.editor);
    this.base = spec;
    if (this.classroom.liveError) this.classroom.liveNotice = 'The session’s pipeline can be used again.';
    this.classroom.liveError = false;
    if (current && canonicalJson(current) === canonicalJson(spec)) {
      this.authors = [];
      return;
    }
    this.load(room.spec);
    if (!announce && this.authors.length === 0) return;
    this.authors = [];
    const changes = describeChange(current, spec);
    this.classroom.liveNotice = `${who} changed the pipeline (${changes.join(', ') || 'a new version'}) — Run to see.`;
  }

  /** Shows the merged pipeline (saved in this browser's copy like an edit, not auto-run). */
  private load(spec: PipelineSpec): void {
    this.applying = true;
    try {
      this.editor.merge(spec);
    } finally {
      this.applying = false;
    }
  }
}

/** "The teacher", "Bo", "Bo and The teacher"; "Someone in the session" when awareness has not named them. */
export function whoChanged(authors: LivePeer[]): string {
  const names = [...new Set(authors.map((a) => (a.role === 'teacher' ? 'The teacher' : a.name)))];
  if (names.length === 0) return 'Someone in the session';
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function validSnapshot(editor: EditorState): Plain | null {
  try {
    return editor.snapshot() as unknown as Plain;
  } catch {
    return null;
  }
}
