import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { startRelay, type Relay } from '../../src/cli/relay/relay-server';
import { generateHandinKeys, signHandin, verifyHandin } from '../../src/share/handin-signing';
import { liveRoots, parseHandinEntry, readLivePipeline, writeLivePipeline, type HandinEntry } from '../../src/share/live-doc';
import { newTeacherToken, roomIdForToken } from '../../src/share/live-room';
import { connectClient, synced, until, type RelayClient } from './relay-clients';

const SPEC = {
  format: 'pipelab/pipeline',
  version: 1,
  name: 'Class exercise',
  seed: 42,
  steps: [{ id: 'model', kind: 'model.logistic', params: { learningRate: 0.1, epochs: 20 }, enabled: true }],
};

describe('pipelab relay: a live class session', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipelab-relay-'));
  const log: string[] = [];
  const clients: RelayClient[] = [];
  let relay: Relay;
  let token: string;
  let roomId: string;
  let teacher: RelayClient;
  const students: { client: RelayClient; keys: CryptoKeyPair; slot: string }[] = [];

  const join = (t?: string) => {
    const client = connectClient(relay.url, roomId, t);
    clients.push(client);
    return client;
  };
  const handins = (client: RelayClient) => liveRoots(client.doc).handins;
  /** A fresh client that joins, syncs and reports what the relay holds. */
  const relayState = async () => {
    const observer = join();
    await synced(observer, 'an observer to sync');
    const state = { pipeline: readLivePipeline(observer.doc), handins: handins(observer).toJSON() as Record<string, HandinEntry> };
    observer.stop();
    return state;
  };

  beforeAll(async () => {
    relay = await startRelay({ port: 0, dataDir, log: (line) => log.push(line) });
    token = newTeacherToken();
    roomId = await roomIdForToken(token);
  });

  afterAll(async () => {
    for (const client of clients) client.stop();
    await relay.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a teacher sets the pipeline; three students see it, hand in, and see each other', async () => {
    teacher = join(token);
    await synced(teacher, 'the teacher to sync');
    writeLivePipeline(teacher.doc, SPEC);
    for (let i = 0; i < 3; i++) {
      const client = join();
      const keys = await generateHandinKeys();
      students.push({ client, keys, slot: '' });
    }
    for (const [i, s] of students.entries()) {
      await until(`student ${i} to receive the pipeline`, () => readLivePipeline(s.client.doc).seed === 42);
      expect(readLivePipeline(s.client.doc)).toEqual(SPEC);
      const { slot, entry } = await signHandin(s.keys, roomId, `pipelab-result-code-${i}`, 1_000 + i);
      s.slot = slot;
      handins(s.client).set(slot, entry);
    }
    for (const [i, c] of [teacher, ...students.map((s) => s.client)].entries()) {
      await until(`client ${i} to see all three hand-ins`, () => handins(c).size === 3);
    }
    for (const s of students) {
      const entry = parseHandinEntry(handins(teacher).get(s.slot));
      expect(typeof entry).not.toBe('string');
      expect(await verifyHandin(roomId, s.slot, entry as HandinEntry)).toBe(true);
    }
  });

  /** A hostile client with the student link makes one change; the relay must close it with a reason. */
  async function hostileTries(what: string, act: (client: RelayClient) => unknown): Promise<{ code: number; reason: string }> {
    const hostile = join();
    await synced(hostile, `the hostile client to sync before it tries to ${what}`);
    await act(hostile);
    await until(`the relay to refuse the attempt to ${what}`, () => hostile.closes.length > 0);
    hostile.stop();
    return hostile.closes[0];
  }

  it('refuses a hostile student-link client that tries to rewrite the pipeline', async () => {
    const refusal = await hostileTries('rewrite the pipeline', (h) => liveRoots(h.doc).pipeline.set('seed', 666));
    expect(refusal.code).toBe(4403);
    expect(refusal.reason).toMatch(/may not change the pipeline/);
    const rewriteSteps = await hostileTries('replace the steps', (h) => writeLivePipeline(h.doc, { ...SPEC, steps: [] }));
    expect(rewriteSteps.reason).toMatch(/pipeline/);
    expect((await relayState()).pipeline).toEqual(SPEC);
    expect(readLivePipeline(teacher.doc)).toEqual(SPEC);
  });

  it("refuses a hostile client that overwrites another student's hand-in (copied, re-signed, or forged)", async () => {
    const victim = students[0];
    const original = handins(teacher).get(victim.slot) as HandinEntry;
    const forged = await hostileTries("overwrite another student's hand-in with a changed code", (h) => {
      handins(h).set(victim.slot, { ...original, code: 'forged', at: original.at + 1 });
    });
    expect(forged.reason).toMatch(/signature does not match/);
    const ownKey = await hostileTries("put a hand-in signed with its own key into another student's slot", async (h) => {
      const { entry } = await signHandin(await generateHandinKeys(), roomId, 'mine now', original.at + 5);
      handins(h).set(victim.slot, entry);
    });
    expect(ownKey.reason).toMatch(/signature does not match/);
    const replay = await hostileTries("replay another student's own entry into its slot", (h) => handins(h).set(victim.slot, { ...original }));
    expect(replay.reason).toMatch(/newer/);
    expect((await relayState()).handins[victim.slot]).toEqual(original);
  });

  it('refuses a hostile client that deletes hand-ins or adds other shared types', async () => {
    const deletion = await hostileTries('delete a hand-in', (h) => handins(h).delete(students[1].slot));
    expect(deletion.reason).toMatch(/may not delete/);
    const meta = await hostileTries('change the meta map', (h) => liveRoots(h.doc).meta.set('title', 'hacked'));
    expect(meta.reason).toMatch(/may not change "meta"/);
    const state = await relayState();
    expect(Object.keys(state.handins).sort()).toEqual(students.map((s) => s.slot).sort());
  });

  it("refuses a hostile client that writes (even its own valid hand-in) as the teacher's Yjs client id", async () => {
    const keys = await generateHandinKeys();
    const squat = await hostileTries("write as the teacher's Yjs client id", async (h) => {
      const { slot, entry } = await signHandin(keys, roomId, 'as the teacher', 7_000);
      h.doc.clientID = teacher.doc.clientID;
      handins(h).set(slot, entry);
    });
    expect(squat.reason).toMatch(/belongs to another connection/);
    // The teacher's next change still reaches everyone (the relay did not take the squatted id's clock).
    liveRoots(teacher.doc).meta.set('note', 'after the squat');
    await until('a student to see the teacher\'s next change', () => liveRoots(students[0].client.doc).meta.get('note') === 'after the squat');
  });

  it('refuses a 50 MB update (message size limit) and malformed bytes, and keeps serving the others', async () => {
    const keys = await generateHandinKeys();
    const huge = await hostileTries('send a 50 MB update', async (h) => {
      const { slot, entry } = await signHandin(keys, roomId, 'x'.repeat(50 * 1024 * 1024), 5_000);
      handins(h).set(slot, entry);
    });
    expect(huge.code).toBe(1009);
    const garbage = await hostileTries('send malformed bytes', (h) => {
      h.provider.ws!.send(new Uint8Array([0, 2, 250, 255, 255, 255, 15, 1, 2, 3]));
    });
    expect(garbage.code).toBe(4400);
    expect(garbage.reason).toMatch(/malformed/);
    const badUpdate = await hostileTries('send an update that is not Yjs', (h) => {
      h.provider.ws!.send(new Uint8Array([0, 2, 5, 9, 9, 9, 9, 9]));
    });
    expect(badUpdate.reason).toMatch(/malformed/);
    // The relay keeps serving: a student hands in again and the teacher sees it.
    const s = students[2];
    const { entry } = await signHandin(s.keys, roomId, 'second attempt', 9_000);
    handins(s.client).set(s.slot, entry);
    await until("the teacher to see the student's newer hand-in", () => (handins(teacher).get(s.slot) as HandinEntry | undefined)?.code === 'second attempt');
    expect(log.some((line) => line.includes('may not change the pipeline'))).toBe(true);
  });

  it("ignores a hostile client's awareness that claims to be another student (who is connected)", async () => {
    const victim = students[0].client;
    victim.provider.awareness.setLocalStateField('user', 'Ada');
    await until('the teacher to see Ada connected', () => teacher.provider.awareness.getStates().get(victim.doc.clientID)?.user === 'Ada');
    const closed = await hostileTries("claim another student's awareness, then rewrite the pipeline", (h) => {
      // An awareness update for the victim's client id with a clock far ahead of the victim's.
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 1);
      encoding.writeVarUint(update, victim.doc.clientID);
      encoding.writeVarUint(update, 1_000_000);
      encoding.writeVarString(update, JSON.stringify({ user: 'Mallory' }));
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, 1);
      encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
      h.provider.ws!.send(encoding.toUint8Array(message));
      liveRoots(h.doc).pipeline.set('seed', 1);
    });
    expect(closed.reason).toMatch(/pipeline/);
    // Anything the relay broadcast before this marker reached the teacher before it, on the same socket.
    students[1].client.provider.awareness.setLocalStateField('user', 'Marker');
    await until('the teacher to see the marker', () => teacher.provider.awareness.getStates().get(students[1].client.doc.clientID)?.user === 'Marker');
    expect(teacher.provider.awareness.getStates().get(victim.doc.clientID)?.user).toBe('Ada');
  });

  it('refuses a connection that presents a wrong teacher token', async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${relay.url}/${roomId}?token=${newTeacherToken()}`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
  });

  it('keeps the room across a relay restart (persistence); clients reconnect and sync what changed meanwhile', async () => {
    const port = relay.port;
    const before = await relayState();
    await relay.close();
    const saved = new Y.Doc();
    Y.applyUpdate(saved, fs.readFileSync(path.join(dataDir, `${roomId}.yjs`)));
    expect(readLivePipeline(saved)).toEqual(SPEC);
    expect(liveRoots(saved).handins.toJSON()).toEqual(before.handins);
    await until('the teacher to notice the relay is gone', () => !teacher.provider.wsconnected);
    // Offline edit by the teacher: the learning rate becomes 1.
    const step = (liveRoots(teacher.doc).pipeline.get('steps') as Y.Array<Y.Map<unknown>>).get(0);
    (step.get('params') as Y.Map<unknown>).set('learningRate', 1);
    relay = await startRelay({ port, dataDir, log: (line) => log.push(line) });
    await synced(teacher, 'the teacher to reconnect');
    const after = await relayState();
    expect(after.handins).toEqual(before.handins);
    for (const [i, s] of students.entries()) {
      await until(`student ${i} to reconnect and receive the new learning rate`, () => {
        const steps = readLivePipeline(s.client.doc).steps as { params: { learningRate: number } }[];
        return steps[0].params.learningRate === 1;
      });
    }
  });
});
