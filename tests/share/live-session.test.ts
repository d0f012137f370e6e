import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateHandinKeys, keyFingerprint, loadOrCreateHandinKeys, signHandin, verifyHandin } from '../../src/share/handin-signing';
import { liveRoots, parseHandinEntry, readLivePipeline, writeLivePipeline } from '../../src/share/live-doc';
import { isTeacherToken, newTeacherToken, roomIdForToken, ROOM_ID_PATTERN } from '../../src/share/live-room';

describe('live sessions: rooms, signed hand-ins, the shared document', () => {
  it('derives an unguessable room id from the teacher token, and checks the token against it', async () => {
    const token = newTeacherToken();
    const room = await roomIdForToken(token);
    expect(room).toMatch(ROOM_ID_PATTERN);
    expect(room).not.toBe(token);
    expect(newTeacherToken()).not.toBe(token);
    expect(await isTeacherToken(room, token)).toBe(true);
    expect(await isTeacherToken(room, newTeacherToken())).toBe(false);
    expect(await isTeacherToken(room, room)).toBe(false);
    expect(await isTeacherToken(room, null)).toBe(false);
  });

  it('signs a hand-in that verifies in its own slot only, and not once anything in it changes', async () => {
    const keys = await generateHandinKeys();
    const { slot, entry } = await signHandin(keys, 'room-a', 'CODE', 123);
    expect(slot).toBe(await keyFingerprint(entry.publicKey));
    expect(await verifyHandin('room-a', slot, entry)).toBe(true);
    expect(await verifyHandin('room-b', slot, entry)).toBe(false);
    expect(await verifyHandin('room-a', slot, { ...entry, code: 'OTHER' })).toBe(false);
    expect(await verifyHandin('room-a', slot, { ...entry, at: 124 })).toBe(false);
    const other = await signHandin(await generateHandinKeys(), 'room-a', 'CODE', 123);
    expect(await verifyHandin('room-a', other.slot, entry)).toBe(false);
    expect(await verifyHandin('room-a', slot, { ...entry, signature: 'AAAA' })).toBe(false);
  });

  it('keeps one key pair per browser in its store', async () => {
    let stored: CryptoKeyPair | undefined;
    const store = { load: async () => stored, save: async (k: CryptoKeyPair) => void (stored = k) };
    const first = await loadOrCreateHandinKeys(store);
    expect(await loadOrCreateHandinKeys(store)).toBe(first);
    expect(first.privateKey.extractable).toBe(false);
  });

  it('writes a spec as shared types (steps array, params maps) and reads it back; parses entries strictly', () => {
    const spec = { format: 'pipelab/pipeline', version: 1, name: 'p', seed: 7, steps: [{ id: 'a', kind: 'k', params: { x: 1 }, enabled: true }] };
    const doc = new Y.Doc();
    writeLivePipeline(doc, spec);
    expect(readLivePipeline(doc)).toEqual(spec);
    const steps = liveRoots(doc).pipeline.get('steps') as Y.Array<Y.Map<unknown>>;
    expect(steps.get(0).get('params')).toBeInstanceOf(Y.Map);
    expect(parseHandinEntry({ code: 'c', publicKey: 'k', signature: 's', at: 1 })).toEqual({ code: 'c', publicKey: 'k', signature: 's', at: 1 });
    expect(parseHandinEntry({ code: 'c', publicKey: 'k', signature: 's', at: 1, extra: 1 })).toMatch(/exactly the fields/);
    expect(parseHandinEntry({ code: '', publicKey: 'k', signature: 's', at: 1 })).toMatch(/code/);
  });
});
