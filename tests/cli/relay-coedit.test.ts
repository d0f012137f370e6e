// The relay's rules for co-editors (issue 22 item 3): a connection with the co-edit link's token may
// change the pipeline, and nothing else a student may not; a student link still cannot change it; a
// wrong co-editor token, or a co-editor token presented as the teacher's, is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRelay, type Relay } from '../../src/cli/relay/relay-server';
import { generateHandinKeys, signHandin } from '../../src/share/handin-signing';
import { liveRoots, readLivePipeline, writeLivePipeline } from '../../src/share/live-doc';
import { applyLocalEdit } from '../../src/share/live-edit';
import { editorTokenFor, newTeacherToken, roomIdForToken } from '../../src/share/live-room';
import { until } from './relay-clients';

const SPEC = {
  format: 'pipelab/pipeline',
  version: 1,
  name: 'Co-edited',
  seed: 42,
  steps: [
    { id: 'split', kind: 'split.train-test', params: { testFraction: 0.25 }, enabled: true },
    { id: 'model', kind: 'model.logistic', params: { learningRate: 0.1, epochs: 20 }, enabled: true },
  ],
};

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: number[];
  reasons: string[];
}

describe('pipelab relay: co-editors', () => {
  let relay: Relay;
  let token: string;
  let editor: string;
  let room: string;
  const clients: Client[] = [];
  const log: string[] = [];

  const connect = (params: Record<string, string>): Client => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(relay.url, room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, params, disableBc: true });
    const client: Client = { doc, provider, closes: [], reasons: [] };
    provider.on('connection-close', (event) => {
      if (!event) return;
      client.closes.push(event.code);
      client.reasons.push(event.reason);
    });
    clients.push(client);
    return client;
  };
  const synced = (c: Client, what: string) => until(what, () => c.provider.synced);
  const refused = (c: Client, what: string) => until(what, () => c.closes.includes(4403)).then(() => c.reasons.join(' '));

  beforeAll(async () => {
    relay = await startRelay({ port: 0, log: (line) => log.push(line) });
    token = newTeacherToken();
    editor = await editorTokenFor(token);
    room = await roomIdForToken(token);
  });
  afterAll(async () => {
    for (const c of clients) {
      try {
        c.provider.destroy();
      } catch {
        c.provider.ws?.close(); // the squatter broke its own provider by changing its client id
      }
    }
    await relay.close();
  });

  it('a co-editor and the teacher edit different steps at once; both edits reach everyone, a student sees them', async () => {
    const teacher = connect({ token });
    await synced(teacher, 'the teacher to sync');
    writeLivePipeline(teacher.doc, SPEC);
    const coeditor = connect({ editor });
    const student = connect({});
    await synced(coeditor, 'the co-editor to sync');
    await synced(student, 'the student to sync');
    await until('the co-editor to hold the pipeline', () => readLivePipeline(coeditor.doc).name === 'Co-edited');
    const base = readLivePipeline(coeditor.doc);
    const split = structuredClone(base) as typeof SPEC;
    split.steps[0].params.testFraction = 0.3;
    const model = structuredClone(base) as typeof SPEC;
    model.steps[1].params.epochs = 5;
    applyLocalEdit(coeditor.doc, base, split);
    applyLocalEdit(teacher.doc, base, model);
    const both = (c: Client) => {
      const got = readLivePipeline(c.doc) as typeof SPEC;
      return got.steps[0]?.params.testFraction === 0.3 && got.steps[1]?.params.epochs === 5;
    };
    await until('everyone to hold both edits', () => both(teacher) && both(coeditor) && both(student));
    expect(coeditor.closes).toEqual([]);
  });

  it('a co-editor may hand in its own signed entry, but not change meta, delete or overwrite hand-ins, or write as the teacher', async () => {
    const own = connect({ editor });
    await synced(own, 'a co-editor to sync');
    const mine = await signHandin(await generateHandinKeys(), room, 'my code', 10);
    liveRoots(own.doc).handins.set(mine.slot, mine.entry);
    const observer = connect({});
    await until('the hand-in to reach others', () => liveRoots(observer.doc).handins.has(mine.slot));
    expect(own.closes).toEqual([]);

    const meta = connect({ editor });
    await synced(meta, 'a second co-editor to sync');
    liveRoots(meta.doc).meta.set('note', 'hacked');
    expect(await refused(meta, 'the meta change to be refused')).toMatch(/co-editor connection may not change "meta"/);

    const deleter = connect({ editor });
    await synced(deleter, 'a third co-editor to sync');
    liveRoots(deleter.doc).handins.delete(mine.slot);
    expect(await refused(deleter, 'the deletion to be refused')).toMatch(/may not delete hand-ins/);

    const squatter = connect({ editor });
    await synced(squatter, 'a fourth co-editor to sync');
    const teacherId = clients[0].doc.clientID;
    squatter.doc.clientID = teacherId;
    liveRoots(squatter.doc).pipeline.set('name', 'as the teacher');
    expect(await refused(squatter, 'writing as the teacher to be refused')).toMatch(/belongs to another connection/);
    expect(readLivePipeline(observer.doc).name).toBe('Co-edited');
  });

  it('a student link still cannot change the pipeline; a wrong co-editor token and a co-editor token as teacher token are refused', async () => {
    const student = connect({});
    await synced(student, 'a student to sync');
    const steps = liveRoots(student.doc).pipeline.get('steps') as Y.Array<Y.Map<unknown>>;
    (steps.get(1).get('params') as Y.Map<unknown>).set('epochs', 999);
    expect(await refused(student, 'the student edit to be refused')).toMatch(/student connection may not change the pipeline/);

    const wrong = connect({ editor: await editorTokenFor(newTeacherToken()) });
    const asTeacher = connect({ token: editor });
    await until('both connections to fail', () => wrong.closes.length > 0 && asTeacher.closes.length > 0);
    expect(wrong.provider.synced || asTeacher.provider.synced).toBe(false);
    wrong.provider.disconnect();
    asTeacher.provider.disconnect();
    const observer = connect({});
    await synced(observer, 'an observer to sync');
    expect((readLivePipeline(observer.doc) as typeof SPEC).steps[1].params.epochs).toBe(5);
  });

  it('passes on presence only with a role the connection has: a student or co-editor claiming to be the teacher is not shown', async () => {
    const observer = connect({ token });
    await synced(observer, 'the observer to sync');
    const seen = (c: Client) => observer.provider.awareness.getStates().get(c.doc.clientID) as { user?: { name: string; role: string } } | undefined;
    const fakeTeacher = connect({});
    const fakeFromEditor = connect({ editor });
    const realEditor = connect({ editor });
    fakeTeacher.provider.awareness.setLocalStateField('user', { name: 'Teacher', role: 'teacher' });
    fakeFromEditor.provider.awareness.setLocalStateField('user', { name: 'Teacher', role: 'teacher' });
    realEditor.provider.awareness.setLocalStateField('user', { name: 'Ana', role: 'editor' });
    await until('the real co-editor to be seen', () => seen(realEditor)?.user?.role === 'editor');
    await synced(fakeTeacher, 'the fake teacher to sync');
    await synced(fakeFromEditor, 'the fake teacher (co-editor link) to sync');
    // Anything the relay passed on before this marker reached the observer before it, on the same socket.
    const marker = connect({});
    marker.provider.awareness.setLocalStateField('user', { name: 'Marker', role: 'student' });
    await until('the marker to be seen', () => seen(marker)?.user?.name === 'Marker');
    expect(seen(fakeTeacher)?.user).toBeUndefined();
    expect(seen(fakeFromEditor)?.user).toBeUndefined();
    expect(fakeTeacher.closes).toEqual([]);
  });
});
