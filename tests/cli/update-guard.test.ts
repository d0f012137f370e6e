import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { guardUpdate, teacherClientsOf, type RoomWriters } from '../../src/cli/relay/update-guard';
import { generateHandinKeys, signHandin } from '../../src/share/handin-signing';
import { liveRoots, writeLivePipeline } from '../../src/share/live-doc';

const ROOM = 'room-for-guard-tests';
const writers = (): RoomWriters => ({ teacherClients: new Set(), ownerClients: new Set(), owners: new Map() });
const student = {};

/** A room with a teacher's pipeline, and a student's doc synced to it. */
function setup() {
  const room = new Y.Doc();
  const teacher = new Y.Doc();
  writeLivePipeline(teacher, { name: 'p', seed: 1, steps: [{ id: 'a', params: { x: 1 } }] });
  Y.applyUpdate(room, Y.encodeStateAsUpdate(teacher));
  const mine = new Y.Doc();
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(room));
  return { room, teacher, mine };
}

/** The update `change` makes to `doc`. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change();
  return Y.encodeStateAsUpdate(doc, before);
}

describe("the relay's update guard (a copy of the room says what an update changes)", () => {
  it('accepts a signed hand-in in its own slot, refuses a nested type inside an entry or a nested pipeline edit', async () => {
    const { room, mine } = setup();
    const { slot, entry } = await signHandin(await generateHandinKeys(), ROOM, 'code', 10);
    const ok = updateOf(mine, () => liveRoots(mine).handins.set(slot, entry));
    expect(await guardUpdate(room, ROOM, ok, 'student', student, writers(), 1e6)).toMatchObject({ ok: true });
    Y.applyUpdate(room, ok);
    const nested = new Y.Doc();
    Y.applyUpdate(nested, Y.encodeStateAsUpdate(room));
    const bad = updateOf(nested, () => liveRoots(nested).handins.set(slot, new Y.Map(Object.entries(entry))));
    expect(await guardUpdate(room, ROOM, bad, 'student', student, writers(), 1e6)).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid|nested/) });
    const param = updateOf(mine, () => ((liveRoots(mine).pipeline.get('steps') as Y.Array<Y.Map<Y.Map<number>>>).get(0).get('params') as Y.Map<number>).set('x', 9));
    expect(await guardUpdate(room, ROOM, param, 'student', student, writers(), 1e6)).toMatchObject({ ok: false, reason: expect.stringMatching(/pipeline/) });
    expect(await guardUpdate(room, ROOM, param, 'teacher', {}, writers(), 1e6)).toMatchObject({ ok: true });
  });

  it('refuses an update that depends on changes the room lacks, and one that would pass the room size', async () => {
    const { room, mine } = setup();
    const { slot, entry } = await signHandin(await generateHandinKeys(), ROOM, 'code', 10);
    updateOf(mine, () => liveRoots(mine).handins.set(slot, entry));
    const later = updateOf(mine, () => liveRoots(mine).handins.set(slot, { ...entry, at: 11 }));
    expect(await guardUpdate(room, ROOM, later, 'student', student, writers(), 1e6)).toMatchObject({ ok: false, reason: expect.stringMatching(/depends on changes/) });
    const small = updateOf(mine, () => liveRoots(mine).handins.set('x', 1));
    expect(await guardUpdate(room, ROOM, small, 'student', student, writers(), Y.encodeStateAsUpdate(room).length)).toMatchObject({ ok: false, reason: expect.stringMatching(/size limit/) });
  });

  it("finds the teacher's client ids in a room as loaded (after a restart)", async () => {
    const { room, teacher, mine } = setup();
    const { slot, entry } = await signHandin(await generateHandinKeys(), ROOM, 'code', 10);
    Y.applyUpdate(room, updateOf(mine, () => liveRoots(mine).handins.set(slot, entry)));
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(room));
    expect([...teacherClientsOf(loaded)]).toEqual([teacher.clientID]);
  });
});
