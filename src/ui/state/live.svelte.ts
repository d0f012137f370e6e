// A live class session (issue 22) over a pipelab relay: y-websocket on a Yjs document laid out by
// share/live-doc.ts. Loaded with import() only when Live is used, so Yjs stays out of the main bundle.
// The teacher (with the token) and co-editors (with the co-edit link's token) write the pipeline;
// students, and co-editors, write their own signed hand-ins.
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { decodeResultCode, type ResultCode } from '../../class/result-code';
import { signHandin, verifyHandin } from '../../share/handin-signing';
import { liveRoots, parseHandinEntry, readLivePipeline } from '../../share/live-doc';
import { patchLivePipeline } from '../../share/live-patch';
import { applyLocalEdit } from '../../share/live-edit';
import { readRoomPipeline, type RoomPipeline } from '../../share/live-read';

/** Where a live session connects: the relay, the room, and (teacher only) the token. */
export interface LiveTarget {
  relay: string;
  room: string;
  /** The teacher token (teacher only). */
  token?: string;
  /** The co-editor token (co-edit link only). */
  editor?: string;
  name: string;
  /** For Node tests: the `ws` package; browsers use their own WebSocket. */
  WebSocketPolyfill?: typeof globalThis.WebSocket;
}

/** One hand-in as the board shows it. */
export interface LiveHandin {
  slot: string;
  /** The decoded result code, or null when it could not be read. */
  code: ResultCode | null;
  /** The result code link text (for the board's normal intake). */
  link: string;
  /** Why the code could not be read, or ''. */
  problem: string;
  /** False when the signature does not verify: the entry was not written by the key it names. */
  verified: boolean;
  at: number;
}

/** A pipeline that arrived from the room: the plain spec, the teacher's note, and who wrote the change. */
export interface LivePipeline {
  spec: Record<string, unknown>;
  note: string;
  /** The people (as awareness names them) whose edits this change holds; empty when unknown (e.g. the first sync). */
  authors?: LivePeer[];
}

/** Who is in a session: the teacher, a co-editor, or a student. */
export type LiveRole = 'teacher' | 'editor' | 'student';

/** One person connected to the room. */
export interface LivePeer {
  name: string;
  role: LiveRole;
  /** This browser's own connection. */
  self?: boolean;
}

/** Connection state in words for the status line. */
export type LiveStatus = 'connecting' | 'connected' | 'offline';

/** A live session's connection, shared document and what the UI shows of it. */
export class LiveSession {
  status = $state<LiveStatus>('connecting');
  /** Names of the people connected now (awareness), the teacher included. */
  peers = $state.raw<LivePeer[]>([]);
  /** Every hand-in in the room, newest first. */
  handins = $state.raw<LiveHandin[]>([]);
  /** The connection's close reason when the relay refused something, or ''. */
  refused = $state('');
  readonly doc = new Y.Doc();
  readonly teacher: boolean;
  /** This connection's role: what the relay lets it write. */
  readonly role: LiveRole;
  private readonly provider: WebsocketProvider;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners, not shown state
  private pipelineListeners = new Set<(pipeline: LivePipeline) => void>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners, not shown state
  private handinListeners = new Set<(handins: LiveHandin[]) => void>();

  constructor(private readonly target: LiveTarget) {
    this.teacher = Boolean(target.token);
    this.role = target.token ? 'teacher' : target.editor ? 'editor' : 'student';
    this.provider = new WebsocketProvider(target.relay, target.room, this.doc, {
      params: target.token ? { token: target.token } : target.editor ? { editor: target.editor } : {},
      disableBc: true,
      ...(target.WebSocketPolyfill ? { WebSocketPolyfill: target.WebSocketPolyfill } : {}),
    });
    this.provider.on('status', ({ status }) => {
      // Forget the clocks of others' presence, so the relay's copy (possibly an unchanged clock) is taken on reconnect.
      if (status === 'connected') for (const id of [...this.provider.awareness.meta.keys()]) if (id !== this.doc.clientID) this.provider.awareness.meta.delete(id);
      this.status = status === 'connected' ? 'connected' : this.status === 'connecting' && status === 'connecting' ? 'connecting' : 'offline';
    });
    this.provider.on('connection-close', (event) => {
      if (event && event.code >= 4000) this.refused = `The relay refused an update: ${event.reason || event.code}.`;
    });
    this.provider.awareness.setLocalStateField('user', { name: target.name, role: this.role });
    this.provider.awareness.on('change', () => this.readPeers());
    const { handins, pipeline } = liveRoots(this.doc);
    handins.observe(() => void this.readHandins());
    pipeline.observeDeep((_events, tr) => {
      if (!tr.local) this.emitPipeline(this.authorsOf(tr));
    });
  }

  /** The status line's text. */
  get statusText(): string {
    if (this.status === 'connected') return 'Live: connected';
    if (this.status === 'connecting') return 'Live: connecting…';
    return 'Live: offline — will resync';
  }

  /** True once the first sync with the relay is done. */
  get synced(): boolean {
    return this.provider.synced;
  }

  /** Changes the name others see. */
  setName(name: string): void {
    this.provider.awareness.setLocalStateField('user', { name, role: this.role });
  }

  /** True when this connection may change the pipeline (the teacher, or a co-editor). */
  get canEdit(): boolean {
    return this.role !== 'student';
  }

  /** Teacher: writes the pipeline and the note students see ("learning rate → 1"). */
  pushPipeline(spec: Record<string, unknown>, note: string): void {
    if (!this.teacher) throw new Error('Only the teacher can change the live pipeline.');
    this.doc.transact(() => {
      patchLivePipeline(this.doc, spec);
      liveRoots(this.doc).meta.set('note', note);
    });
  }

  /** Teacher or co-editor: writes one edit (`before` → `after`, plain specs) as the smallest change, so others' concurrent edits survive. */
  applyEdit(before: Record<string, unknown>, after: Record<string, unknown>, note: string): void {
    if (!this.canEdit) throw new Error('Only the teacher and co-editors can change the live pipeline.');
    this.doc.transact(() => {
      applyLocalEdit(this.doc, before, after);
      if (this.teacher) liveRoots(this.doc).meta.set('note', note);
    });
  }

  /** Teacher or co-editor: makes the room's pipeline equal to `spec` (setting every field that differs), e.g. to repair an invalid one. */
  replacePipeline(spec: Record<string, unknown>): void {
    if (!this.canEdit) throw new Error('Only the teacher and co-editors can change the live pipeline.');
    patchLivePipeline(this.doc, spec);
  }

  /** The pipeline in the document now (empty object before the teacher wrote one). */
  pipeline(): LivePipeline {
    return { spec: readLivePipeline(this.doc), note: String(liveRoots(this.doc).meta.get('note') ?? '') };
  }

  /** The pipeline in the document now, read through the restore path: valid, invalid (why), or not written yet. */
  roomPipeline(): RoomPipeline {
    return readRoomPipeline(this.doc);
  }

  /** Calls `listener` whenever a pipeline arrives from the relay; returns the function that stops it. */
  onPipeline(listener: (pipeline: LivePipeline) => void): () => void {
    this.pipelineListeners.add(listener);
    return () => this.pipelineListeners.delete(listener);
  }

  /** Calls `listener` whenever the hand-ins change (read and checked); returns the function that stops it. */
  onHandins(listener: (handins: LiveHandin[]) => void): () => void {
    this.handinListeners.add(listener);
    return () => this.handinListeners.delete(listener);
  }

  /** Student: writes a signed hand-in into this browser's slot (kept locally and sent when online). */
  async handIn(keys: CryptoKeyPair, codeLink: string, at: number): Promise<void> {
    const { slot, entry } = await signHandin(keys, this.target.room, codeLink, at);
    liveRoots(this.doc).handins.set(slot, entry);
  }

  /** Closes the connection and forgets the document. */
  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }

  private emitPipeline(authors: LivePeer[]): void {
    const pipeline = { ...this.pipeline(), authors };
    if (Object.keys(pipeline.spec).length === 0) return; // nothing written yet
    for (const listener of this.pipelineListeners) listener(pipeline);
  }

  /** The people whose Yjs clients wrote in a transaction (named by their awareness, when known). */
  private authorsOf(tr: Y.Transaction): LivePeer[] {
    const states = this.provider.awareness.getStates();
    const out: LivePeer[] = [];
    for (const [client, clock] of tr.afterState) {
      if ((tr.beforeState.get(client) ?? 0) >= clock) continue;
      const peer = peerOf(states.get(client));
      if (peer) out.push(peer);
    }
    return out;
  }

  private readPeers(): void {
    const peers: LivePeer[] = [];
    for (const [id, state] of this.provider.awareness.getStates()) {
      const peer = peerOf(state);
      if (peer) peers.push(id === this.doc.clientID ? { ...peer, self: true } : peer);
    }
    this.peers = peers;
  }

  private async readHandins(): Promise<void> {
    const out: LiveHandin[] = [];
    for (const [slot, value] of liveRoots(this.doc).handins.entries()) out.push(await readHandin(this.target.room, slot, value));
    this.handins = out.sort((a, b) => b.at - a.at);
    for (const listener of this.handinListeners) listener(this.handins);
  }
}

/** A peer from an awareness state (untrusted: names are cut to 60 characters, unknown roles are students). */
function peerOf(state: unknown): LivePeer | null {
  const user = (state as { user?: { name?: unknown; role?: unknown } } | undefined)?.user;
  if (!user || typeof user.name !== 'string') return null;
  const role: LiveRole = user.role === 'teacher' || user.role === 'editor' ? user.role : 'student';
  return { name: user.name.slice(0, 60) || (role === 'editor' ? 'Co-editor' : 'Student'), role };
}

async function readHandin(room: string, slot: string, value: unknown): Promise<LiveHandin> {
  const entry = parseHandinEntry(value);
  if (typeof entry === 'string') return { slot, code: null, link: '', problem: entry, verified: false, at: 0 };
  const verified = await verifyHandin(room, slot, entry);
  try {
    return { slot, code: await decodeResultCode(entry.code), link: entry.code, problem: '', verified, at: entry.at };
  } catch (err) {
    return { slot, code: null, link: entry.code, problem: (err as Error).message, verified, at: entry.at };
  }
}
