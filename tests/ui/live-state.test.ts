// The live session (issue 22) in the classroom state, against a real relay started in-process on 127.0.0.1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startRelay, type Relay } from '../../src/cli/relay/relay-server';
import { decodeAssignmentLink, relayUrl } from '../../src/class/assignment';
import { EditorState } from '../../src/ui/state/editor.svelte';
import { followTeacher, shareEdits } from '../../src/ui/state/live-glue';
import { describeChange } from '../../src/class/live-change';
import { versionHash } from '../../src/engine/fingerprint';
import { liveRoots } from '../../src/share/live-doc';
import { ClassState } from '../../src/ui/state/class.svelte';
import { until } from '../cli/relay-clients';
import { loadExample, run } from '../helpers';
import { freshDb } from '../storage/helpers';
import { groupBoard } from '../../src/class/board-groups';

const WS = WebSocket as unknown as typeof globalThis.WebSocket;

async function classState(name: string): Promise<ClassState> {
  const state = new ClassState(freshDb(name).db);
  state.webSocket = WS;
  await state.init();
  return state;
}

describe('ClassState live session', () => {
  let relay: Relay;
  const states: ClassState[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipelab-live-'));
  beforeAll(async () => {
    relay = await startRelay({ port: 0, dataDir });
  });
  afterAll(async () => {
    for (const s of states) s.leave();
    await relay.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a teacher makes a live assignment; students join by link, hand in, and the board receives them; a pushed version reaches them', async () => {
    const spec = loadExample('iris-logreg');
    const { record } = await run(spec);
    const teacher = await classState('live-teacher');
    states.push(teacher);
    const board = await teacher.makeAssignment({ spec, versionHash: await versionHash(spec), record, data: [], pipelineId: 'p1', base: 'https://p.example/' }, { hideResult: true, seed: 'locked', relay: relay.url }, 1_000);
    expect(board.link).not.toMatch(/token/);
    const opened = await decodeAssignmentLink(board.link);
    expect(opened.assignment?.live).toEqual({ relay: relay.url, room: board.options.live?.room });
    expect(teacher.relay).toBe(relay.url);
    await until('the teacher to connect', () => teacher.live?.status === 'connected');
    expect(teacher.live?.statusText).toBe('Live: connected');

    const students: ClassState[] = [];
    for (const name of ['Ada', 'Bo', 'Cy']) {
      const s = await classState(`live-${name}`);
      states.push(s);
      s.opened(opened.assignment);
      const session = await s.join(opened.assignment!.live!);
      await until(`${name} to sync`, () => session.synced);
      expect(session.pipeline().spec.name).toBe(spec.name);
      await s.handInRun(record, name, 'https://p.example/', 2_000);
      students.push(s);
    }
    await until('the board to hold three live hand-ins', () => teacher.board?.codes.length === 3);
    expect(groupBoard(teacher.board!.assignment, teacher.board!.codes).students.map((r) => r.name).sort()).toEqual(['Ada', 'Bo', 'Cy']);
    expect(teacher.live?.handins.every((h) => h.verified)).toBe(true);
    await until('the teacher to see four people', () => teacher.live?.peers.length === 4);
    expect(teacher.live?.peers.map((p) => p.name).sort()).toEqual(['Ada', 'Bo', 'Cy', 'Teacher']);

    const seen: string[] = [];
    for (const s of students) s.live!.onPipeline(({ spec: got }) => seen.push(describeChange(spec as unknown as Record<string, unknown>, got).join(', ')));
    const changed = structuredClone(spec) as unknown as { steps: { kind: string; params: Record<string, unknown> }[] };
    const model = changed.steps.find((st) => 'learningRate' in st.params)!;
    model.params.learningRate = 1;
    teacher.live!.pushPipeline(changed as unknown as Record<string, unknown>, 'learning rate → 1');
    await until('every student to receive the new version', () => seen.filter((t) => t.includes('learning rate → 1')).length >= 3);
  });

  it('a student cannot change the pipeline: the relay refuses and the session says so', async () => {
    const teacher = states[0];
    const student = states[1];
    const before = teacher.live!.pipeline().spec;
    expect(() => student.live!.pushPipeline({ name: 'hacked' }, '')).toThrow(/Only the teacher/);
    liveRoots(student.live!.doc).pipeline.set('name', 'hacked');
    await until('the relay to refuse the student', () => student.live!.refused !== '');
    expect(teacher.live!.pipeline().spec).toEqual(before);
  });

  it('a hand-in made while the relay is down is kept and arrives after it restarts', async () => {
    const [teacher, , , cy] = states;
    const port = relay.port;
    await relay.close();
    await until('the student to notice', () => cy.live?.status === 'offline');
    expect(cy.live?.statusText).toBe('Live: offline — will resync');
    const { record } = await run(loadExample('iris-logreg'));
    await cy.handInRun(record, 'Cy', 'https://p.example/', 3_000);
    relay = await startRelay({ port, dataDir });
    await until('the student to reconnect', () => cy.live?.status === 'connected');
    await until('the teacher to reconnect', () => teacher.live?.status === 'connected');
    await until('the later hand-in to reach the teacher', () => teacher.live!.handins.some((h) => h.at === 3_000));
    expect(teacher.live!.handins).toHaveLength(3);
    expect(teacher.live!.refused).toBe('');
  });
});

describe('a student follows the teacher through validation', () => {
  it('loads a valid new version with a note, refuses an invalid one without touching the copy', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipelab-live-follow-'));
    const relay = await startRelay({ port: 0, dataDir });
    const spec = loadExample('iris-logreg');
    const teacher = await classState('follow-teacher');
    const board = await teacher.makeAssignment({ spec, versionHash: await versionHash(spec), record: null, data: [], pipelineId: null, base: 'https://p.example/' }, { hideResult: false, seed: 'locked', relay: relay.url }, 5_000);
    const student = await classState('follow-student');
    const editor = new EditorState();
    editor.load(spec);
    try {
      shareEdits(editor, student, () => false);
      await followTeacher(board.options.live!, student);
      await until('the student to sync', () => student.live?.synced === true);
      expect(student.liveNotice).toBe(''); // the pipeline in the room is the one the student has
      const changed = structuredClone(spec) as unknown as { steps: { id: string; params: Record<string, unknown> }[] };
      const model = changed.steps.find((st) => 'learningRate' in st.params)!;
      model.params.learningRate = 1;
      teacher.live!.pushPipeline(changed as unknown as Record<string, unknown>, describeChange(spec as unknown as Record<string, unknown>, changed as unknown as Record<string, unknown>).join(', '));
      await until('the change to arrive', () => student.liveNotice !== '');
      expect(student.liveNotice).toBe('The teacher changed the pipeline (learning rate → 1) — Run to see.');
      expect(editor.snapshot().steps.find((st) => st.id === model.id)?.params.learningRate).toBe(1);

      const broken = structuredClone(changed);
      broken.steps.find((st) => st.id === model.id)!.params.learningRate = 'fast';
      teacher.live!.pushPipeline(broken as unknown as Record<string, unknown>, 'learning rate → "fast"');
      await until('the refusal to show', () => student.liveNotice.includes('cannot be used'));
      expect(student.liveNotice).toMatch(/^The teacher made a change that cannot be used: .*learningRate/);
      expect(student.liveError).toBe(true);
      expect(student.liveNotice).toMatch(/Your copy is unchanged and nothing was run/);
      expect(editor.snapshot().steps.find((st) => st.id === model.id)?.params.learningRate).toBe(1);
    } finally {
      student.leave();
      teacher.leave();
      await relay.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('describes changes in words and reads a live link strictly', async () => {
    expect(describeChange({ seed: 1, steps: [{ id: 'm', params: { learningRate: 0.1, epochs: 5 } }] }, { seed: 2, steps: [{ id: 'm', params: { learningRate: 1, epochs: 5 } }, { id: 'n', params: {} }] })).toEqual(['seed → 2', 'learning rate → 1', 'step n added']);
    expect(relayUrl('ws://school:1234/')).toBe('ws://school:1234');
    expect(relayUrl('https://school')).toBeNull();
    expect(relayUrl('not a url')).toBeNull();
  });
});

describe('the board marks a hand-in that is not signed by its slot’s key', () => {
  it('shows it as not verified (and unreadable codes with the reason)', async () => {
    const { LiveSession } = await import('../../src/ui/state/live.svelte');
    const { newTeacherToken, roomIdForToken } = await import('../../src/share/live-room');
    const { generateHandinKeys, signHandin } = await import('../../src/share/handin-signing');
    const Y = await import('yjs');
    const room = await roomIdForToken(newTeacherToken());
    // No relay: the session stays offline; the entries arrive as a remote update.
    const session = new LiveSession({ relay: 'ws://127.0.0.1:9', room, name: 'Teacher', WebSocketPolyfill: WS });
    try {
      const good = await signHandin(await generateHandinKeys(), room, 'not a result code', 10);
      const other = await signHandin(await generateHandinKeys(), room, 'forged', 11);
      const source = new Y.Doc();
      liveRoots(source).handins.set(good.slot, good.entry);
      liveRoots(source).handins.set(other.slot, { ...other.entry, signature: good.entry.signature });
      Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(source));
      await until('both entries to be read', () => session.handins.length === 2);
      const bySlot = new Map(session.handins.map((h) => [h.slot, h]));
      expect(bySlot.get(good.slot)).toMatchObject({ verified: true, code: null });
      expect(bySlot.get(good.slot)?.problem).not.toBe('');
      expect(bySlot.get(other.slot)?.verified).toBe(false);
    } finally {
      session.destroy();
    }
  });
});

describe('co-editing (two teacher connections)', () => {
  it('two people change different steps at once: both edits survive in both copies', async () => {
    const { LiveSession } = await import('../../src/ui/state/live.svelte');
    const { newTeacherToken, roomIdForToken } = await import('../../src/share/live-room');
    const relay = await startRelay({ port: 0 });
    const token = newTeacherToken();
    const room = await roomIdForToken(token);
    const a = new LiveSession({ relay: relay.url, room, token, name: 'A', WebSocketPolyfill: WS });
    const b = new LiveSession({ relay: relay.url, room, token, name: 'B', WebSocketPolyfill: WS });
    try {
      const spec = loadExample('iris-logreg') as unknown as { seed: number; steps: { id: string; params: Record<string, unknown> }[] };
      await until('both to sync', () => a.synced && b.synced);
      a.pushPipeline(spec as unknown as Record<string, unknown>, '');
      await until('b to receive the pipeline', () => b.pipeline().spec.steps !== undefined);
      const model = spec.steps.find((s) => s.id === 'model')!;
      const fromA = structuredClone(spec);
      fromA.steps.find((s) => s.id === 'model')!.params.learningRate = 1;
      const fromB = structuredClone(spec);
      fromB.steps.find((s) => s.id === 'split')!.params.testFraction = 0.3;
      a.pushPipeline(fromA as unknown as Record<string, unknown>, '');
      b.pushPipeline(fromB as unknown as Record<string, unknown>, ''); // before A's edit has arrived
      const merged = (s: InstanceType<typeof LiveSession>) => {
        const got = s.pipeline().spec as unknown as typeof spec;
        return got.steps.find((st) => st.id === 'split')?.params.testFraction === 0.3 && got.steps.find((st) => st.id === model.id)?.params.learningRate === 1;
      };
      await until('both copies to hold both edits', () => merged(a) && merged(b));
      expect(a.pipeline().spec).toEqual(b.pipeline().spec);
    } finally {
      a.destroy();
      b.destroy();
      await relay.close();
    }
  });
});
