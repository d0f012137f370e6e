// Decides whether a document update from a connection may reach a room. The update is applied to a
// copy of the room's document and the copy's transaction says what it changed: a student connection
// may only write signed hand-ins into its own key's slot, never delete, never touch the pipeline or
// meta; a co-editor connection may also change the pipeline (never meta, never another's hand-in);
// nobody may leave the document depending on changes the relay does not have.
import * as Y from 'yjs';
import { verifyHandin } from '../../share/handin-signing';
import { LIVE_ROOTS, parseHandinEntry } from '../../share/live-doc';

/** What the room knows about who wrote what (client ids are Yjs's per-document writer ids). */
export interface RoomWriters {
  /** Client ids that wrote through a teacher or co-editor connection (or the pipeline, before a restart): students may not write as them. */
  teacherClients: Set<number>;
  /** Client ids that wrote through a teacher connection since the relay started: co-editors may not write as them. */
  ownerClients: Set<number>;
  /** Client ids a live connection wrote as (or announced in awareness), and which one. */
  owners: Map<number, object>;
}

/** Who a connection is: the teacher (token), a co-editor (co-edit link) or a student (room id only). */
export type RelayRole = 'teacher' | 'editor' | 'student';

/** The outcome: accepted (with the client ids the update wrote as), or refused with the reason. */
export type GuardResult = { ok: true; writers: number[] } | { ok: false; reason: string };

interface Diff {
  /** Root type name → keys changed in that root map; a nested change records the key `null`. */
  changes: Map<string, Set<string | null>>;
  writers: number[];
  pending: boolean;
}

/** Checks an update from a connection (`conn`, of `role`) against the room's document. */
export async function guardUpdate(room: Y.Doc, roomId: string, update: Uint8Array, role: RelayRole, conn: object, writers: RoomWriters, maxRoomBytes: number): Promise<GuardResult> {
  const state = Y.encodeStateAsUpdate(room);
  if (state.length + update.length > maxRoomBytes) return { ok: false, reason: `the room would exceed its size limit (${maxRoomBytes} bytes)` };
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, state);
    let diff: Diff;
    try {
      diff = applyAndDiff(copy, update);
    } catch {
      return { ok: false, reason: 'the update is malformed' };
    }
    if (diff.pending) return { ok: false, reason: 'the update depends on changes the relay does not have' };
    const squatted = diff.writers.find((id) => squats(role, id, writers) || (writers.owners.get(id) ?? conn) !== conn);
    if (squatted !== undefined) return { ok: false, reason: `the update writes as client ${squatted}, which belongs to another connection` };
    const refusal = role === 'teacher' ? null : await studentRefusal(room, copy, roomId, diff, role === 'editor');
    return refusal === null ? { ok: true, writers: diff.writers } : { ok: false, reason: refusal };
  } finally {
    copy.destroy();
  }
}

function squats(role: RelayRole, id: number, writers: RoomWriters): boolean {
  if (role === 'student') return writers.teacherClients.has(id);
  return role === 'editor' && writers.ownerClients.has(id);
}

function applyAndDiff(copy: Y.Doc, update: Uint8Array): Diff {
  const changes = new Map<string, Set<string | null>>();
  const writers: number[] = [];
  copy.on('afterTransaction', (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) {
      const { root, nested } = rootOf(copy, type);
      const set = changes.get(root) ?? new Set<string | null>();
      for (const key of nested ? [null] : keys) set.add(key);
      changes.set(root, set);
    }
    for (const [client, clock] of tr.afterState) if ((tr.beforeState.get(client) ?? 0) < clock) writers.push(client);
  });
  Y.applyUpdate(copy, update);
  const pending = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
  return { changes, writers, pending };
}

/** Client ids that wrote anything outside `handins` (the teacher's and co-editors'), read from a room as
 * loaded: after a restart, students must not be able to write as them before they reconnect. */
export function teacherClientsOf(doc: Y.Doc): Set<number> {
  const teachers = new Set<number>();
  for (const [client, structs] of doc.store.clients) {
    const wroteElsewhere = structs.some((s) => s instanceof Y.Item && s.parent instanceof Y.AbstractType && rootOf(doc, s.parent).root !== LIVE_ROOTS.handins);
    if (wroteElsewhere) teachers.add(client);
  }
  return teachers;
}

function rootOf<T>(doc: Y.Doc, type: Y.AbstractType<T>): { root: string; nested: boolean } {
  let top = type;
  while (top._item !== null) top = top._item.parent as Y.AbstractType<T>;
  for (const [name, shared] of doc.share) if ((shared as unknown) === top) return { root: name, nested: top !== type };
  return { root: '?', nested: true };
}

async function studentRefusal(room: Y.Doc, after: Y.Doc, roomId: string, diff: Diff, editor: boolean): Promise<string | null> {
  const who = editor ? 'a co-editor connection' : 'a student connection';
  for (const [root, keys] of diff.changes) {
    if (root === LIVE_ROOTS.pipeline && editor) continue;
    if (root === LIVE_ROOTS.pipeline) return 'a student connection may not change the pipeline';
    if (root !== LIVE_ROOTS.handins) return `${who} may not change "${root}"`;
    if (keys.has(null)) return 'a hand-in is a plain entry: nothing may be nested inside it';
  }
  const slots = [...(diff.changes.get(LIVE_ROOTS.handins) ?? [])] as string[];
  if (slots.length > 1) return `${who} may write one hand-in at a time`;
  if (slots.length === 0) return null;
  return slotRefusal(room, roomId, slots[0], after.getMap(LIVE_ROOTS.handins).get(slots[0]), who);
}

async function slotRefusal(room: Y.Doc, roomId: string, slot: string, value: unknown, who: string): Promise<string | null> {
  if (value === undefined) return `${who} may not delete hand-ins`;
  const entry = parseHandinEntry(value);
  if (typeof entry === 'string') return `the hand-in is not valid: ${entry}`;
  const before = parseHandinEntry(room.getMap(LIVE_ROOTS.handins).get(slot));
  if (typeof before !== 'string' && before.at >= entry.at) return 'a hand-in may only be replaced by a newer one';
  if (!(await verifyHandin(roomId, slot, entry))) return "the hand-in's signature does not match its slot's key (another student's slot, or a forged entry)";
  return null;
}
