import type { AssignmentOptions, SeedMode } from '../../class/assignment';
import type { TeacherResult } from '../../class/board-groups';
import type { RefusedLine } from '../../class/board-intake';
import type { StoredBoard } from '../../class/board-record';
import type { ResultCode } from '../../class/result-code';
import type { PipelineSpec } from '../../core/spec';
import type { RunRecord } from '../../engine/run-record';
import type { SharedData } from '../../share/share-payload';
import type { PipelabDb } from '../../storage/db';
import { addCodes, getBoard, listBoards, putBoard } from '../../storage/boards-repo';
import { getSetting, setSetting } from '../../storage/settings-repo';
import type { LiveLink } from '../../class/assignment';
import type { LiveSession } from './live.svelte';

/** What the teacher chose in Share → Assignment. */
export interface AssignmentChoice {
  readonly hideResult: boolean;
  readonly seed: SeedMode;
  /** A live session on this relay (ws:// or wss://); absent for the link-only board. */
  readonly relay?: string;
}

/** What a new assignment is made from: the open pipeline, its last run (if of this version) and its data. */
export interface AssignmentSource {
  readonly spec: PipelineSpec;
  readonly versionHash: string;
  readonly record: RunRecord | null;
  readonly data: readonly SharedData[];
  readonly pipelineId: string | null;
  readonly base: string;
}

/** The classroom: the student's assignment and hand-in, and the teacher's class boards. */
export class ClassState {
  /** The assignment a student opened (null for an ordinary pipeline). */
  assignment = $state.raw<AssignmentOptions | null>(null);
  /** The student's name or nickname (remembered). */
  studentName = $state('');
  /** The last hand-in: its result code and link. */
  handIn = $state.raw<{ code: ResultCode; url: string } | null>(null);
  /** The board on display in the Class view. */
  board = $state.raw<StoredBoard | null>(null);
  /** Every stored board, newest first (for the list on the start page). */
  boards = $state.raw<StoredBoard[]>([]);
  /** Lines of the last paste or file that were not added, with why. */
  refused = $state.raw<RefusedLine[]>([]);
  /** What the last intake did, in words. */
  message = $state('');

  /** The live session this browser is in (teacher or student), or null: none without a relay. */
  live = $state.raw<LiveSession | null>(null);
  /** The last thing the live session did to the pipeline, in words ("The teacher changed …"). */
  liveNotice = $state('');
  /** The notice is an error (a change from the room that could not be used), not a change. */
  liveError = $state(false);
  /** Teacher: the stored pipeline the live session belongs to (edits of other pipelines are not shared). */
  livePipelineId: string | null = null;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners, not shown state
  private sessionListeners = new Set<(session: LiveSession) => void>();
  /** The relay URL last used for a live session (remembered; empty: none). */
  relay = $state('');
  /** For Node tests: the WebSocket class live sessions use. */
  webSocket: typeof globalThis.WebSocket | undefined;

  constructor(private readonly db: PipelabDb) {}

  /** Loads the remembered student name and the list of boards. */
  async init(): Promise<void> {
    this.studentName = await getSetting<string>(this.db, 'studentName', '').catch(() => '');
    this.boards = await listBoards(this.db).catch(() => []);
    this.relay = await getSetting<string>(this.db, 'liveRelay', '').catch(() => '');
  }

  /** A student opened a link: remember its assignment (null for an ordinary share link) and forget the last hand-in. */
  opened(assignment: AssignmentOptions | null): void {
    this.assignment = assignment;
    this.handIn = null;
    if (this.live && !this.live.teacher) this.leave();
  }

  /** Makes an assignment from the open pipeline: its link, and a stored board (empty) to collect the class's codes. */
  async makeAssignment(source: AssignmentSource, choice: AssignmentChoice, now: number): Promise<StoredBoard> {
    // The classroom's code loads when first used, not with the start page.
    const [{ assignmentId, assignmentUrl }, { newTeacherToken, roomIdForToken }, { sharedResult }] = await Promise.all([
      import('../../class/assignment'), import('../../share/live-room'), import('../../share/share-payload'),
    ]);
    const id = await assignmentId(source.versionHash, choice.hideResult, choice.seed, now);
    const token = choice.relay ? newTeacherToken() : null;
    const live = choice.relay && token ? { relay: choice.relay, room: await roomIdForToken(token) } : undefined;
    const options: AssignmentOptions = { id, hideResult: choice.hideResult, seed: choice.seed, ...(live ? { live } : {}) };
    const rec = source.record?.status === 'done' && source.record.versionHash === source.versionHash ? source.record : null;
    const link = await assignmentUrl({ spec: source.spec, expected: rec ? sharedResult(rec) : null, data: source.data }, options, source.base);
    const board: StoredBoard = {
      id, pipelineId: source.pipelineId, options, link, codes: [], createdAt: now, updatedAt: now,
      assignment: { id, name: source.spec.name, versionHash: source.versionHash, seed: source.spec.seed, seedMode: choice.seed, teacher: rec ? teacherResult(rec) : null },
    };
    await putBoard(this.db, board);
    this.board = board;
    this.boards = [board, ...this.boards.filter((b) => b.id !== id)];
    if (live && token) {
      this.relay = live.relay;
      await setSetting(this.db, 'liveRelay', live.relay);
      await setSetting(this.db, `liveToken:${id}`, token);
      await this.teach(board, source.spec as unknown as Record<string, unknown>);
    }
    return board;
  }

  /** Shows a stored board. */
  async openBoard(id: string): Promise<boolean> {
    const board = await getBoard(this.db, id);
    this.board = board ?? null;
    this.refused = [];
    this.message = '';
    if (board?.options.live && this.live?.teacher !== true) await this.teach(board, null);
    return Boolean(board);
  }

  /** Adds the result codes in pasted text or a file's text; refused lines are listed with the reason. */
  async addText(text: string, now: number): Promise<void> {
    const board = this.board;
    if (!board) return;
    const { readCodes } = await import('../../class/board-intake');
    const { codes, refused } = await readCodes(text, board.id);
    const { board: next, added } = await addCodes(this.db, board.id, codes, now);
    this.board = next;
    this.boards = [next, ...this.boards.filter((b) => b.id !== next.id)];
    this.refused = refused;
    const repeats = codes.length - added;
    this.message = `${added} result${added === 1 ? '' : 's'} added` + (repeats ? `, ${repeats} already on the board` : '') + (refused.length ? `, ${refused.length} refused (see below)` : '') + '.';
  }

  /** A result code link opened in the app: added to its assignment's board when this browser has it; else a message saying where it belongs. */
  async receive(link: string, now: number): Promise<boolean> {
    try {
      const { decodeResultCode } = await import('../../class/result-code');
      const code = await decodeResultCode(link);
      if (!(await this.openBoard(code.assignment))) {
        this.message = `This result code belongs to an assignment (${code.assignment}) whose class board is not in this browser: paste it on the teacher's board.`;
        return false;
      }
      await this.addText(link, now);
      return true;
    } catch (err) {
      this.message = `This result code cannot be read: ${(err as Error).message}`;
      return false;
    }
  }

  /** Hands in a finished run of the assignment under the student's name (remembered). */
  async handInRun(record: RunRecord, name: string, base: string, now: number): Promise<void> {
    const assignment = this.assignment;
    if (!assignment) return;
    const [{ handInCode }, { resultUrl }] = await Promise.all([import('../../class/hand-in'), import('../../class/result-code')]);
    const code = handInCode(record, assignment.id, name, now);
    if (!code) throw new Error('Run the pipeline to the end first: only a finished run can be handed in.');
    if (!code.name) throw new Error('Type a name or nickname first, so your teacher knows whose result it is.');
    this.studentName = code.name;
    await setSetting(this.db, 'studentName', code.name).catch(() => undefined);
    this.handIn = { code, url: await resultUrl(code, base) };
    if (this.live && !this.live.teacher) {
      this.live.setName(code.name);
      await this.live.handIn(await this.handinKeys(), this.handIn.url, now);
    }
  }

  /** Student (or co-editor, with a co-edit link): joins the assignment's live session (loads the live code on first use). */
  async join(link: LiveLink): Promise<LiveSession> {
    const name = this.studentName || (link.editor ? 'Co-editor' : 'Student');
    return this.connect({ relay: link.relay, room: link.room, name, ...(link.editor ? { editor: link.editor } : {}) });
  }

  /** Changes the name this browser is known by (remembered; shown to the others in the live session). */
  async rename(name: string): Promise<void> {
    const trimmed = name.trim().slice(0, 60);
    if (!trimmed) return;
    this.studentName = trimmed;
    this.live?.setName(trimmed);
    await setSetting(this.db, 'studentName', trimmed).catch(() => undefined);
  }

  /** Teacher or co-editor: puts this copy (valid) back into the session, replacing a pipeline that cannot be used. */
  putBack(spec: Record<string, unknown>): void {
    if (!this.live?.canEdit) return;
    this.live.replacePipeline(spec);
    this.liveError = false;
    this.liveNotice = 'Your copy is the session’s pipeline again.';
  }

  /** Calls `listener` with every live session this browser joins from now on; returns the function that stops it. */
  onSession(listener: (session: LiveSession) => void): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  /** Teacher: the board's co-edit link (whoever holds it may edit the pipeline with you), or null for a board without one. */
  async coeditLink(board: StoredBoard): Promise<string | null> {
    const live = board.options.live;
    const token = live ? await getSetting<string | null>(this.db, `liveToken:${board.id}`, null).catch(() => null) : null;
    if (!live || !token) return null;
    const [{ editorTokenFor, isEditorToken }, { coeditUrl }] = await Promise.all([import('../../share/live-room'), import('../../class/assignment')]);
    const editor = await editorTokenFor(token);
    // A session made before co-editing has no co-editor token that its room accepts.
    return (await isEditorToken(live.room, editor)) ? coeditUrl(board.link, editor) : null;
  }

  /** Leaves the live session, if any. */
  leave(): void {
    this.live?.destroy();
    this.live = null;
    this.liveNotice = '';
    this.liveError = false;
    this.livePipelineId = null;
  }

  /** Teacher: joins the board's live session with the stored token; hand-ins that arrive go on the board. */
  private async teach(board: StoredBoard, spec: Record<string, unknown> | null): Promise<void> {
    const live = board.options.live;
    const token = live ? await getSetting<string | null>(this.db, `liveToken:${board.id}`, null).catch(() => null) : null;
    if (!live || !token) return;
    const session = await this.connect({ relay: live.relay, room: live.room, token, name: 'Teacher' });
    this.livePipelineId = board.pipelineId;
    if (spec) session.pushPipeline(spec, '');
    session.onHandins((handins) => {
      const links = handins.filter((h) => h.verified && h.code?.assignment === board.id).map((h) => h.link);
      if (links.length && this.board?.id === board.id) void this.addLive(links);
    });
  }

  private async addLive(links: string[]): Promise<void> {
    const board = this.board;
    if (!board) return;
    const { readCodes } = await import('../../class/board-intake');
    const { codes } = await readCodes(links.join('\n'), board.id);
    const { board: next } = await addCodes(this.db, board.id, codes, Date.now());
    if (this.board?.id === next.id) this.board = next;
  }

  private async connect(target: { relay: string; room: string; token?: string; editor?: string; name: string }): Promise<LiveSession> {
    this.leave();
    const { LiveSession } = await import('./live.svelte');
    const session = new LiveSession({ ...target, WebSocketPolyfill: this.webSocket });
    this.live = session;
    for (const listener of this.sessionListeners) listener(session);
    return session;
  }

  private async handinKeys(): Promise<CryptoKeyPair> {
    const { loadOrCreateHandinKeys } = await import('../../share/handin-signing');
    return loadOrCreateHandinKeys({
      load: () => getSetting<CryptoKeyPair | undefined>(this.db, 'handinKeys', undefined),
      save: (keys) => setSetting(this.db, 'handinKeys', keys).then(() => undefined),
    });
  }
}

/** The teacher's own run, kept on the board as the reference. */
function teacherResult(record: RunRecord): TeacherResult {
  return {
    resultHash: record.resultHash as string, backend: record.environment.backend, precision: record.environment.floatPrecision, metrics: { ...record.metrics },
    steps: record.steps.filter((s) => s.outputHash).map((s) => [s.id, s.outputHash as string] as const),
  };
}
