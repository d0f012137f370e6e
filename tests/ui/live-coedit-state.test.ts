// Co-editing in the classroom state (issue 22 item 3): the teacher and a co-editor (co-edit link), each
// with an editor kept in step by shareEdits, against a real relay on 127.0.0.1. Concurrent edits of
// different steps end in both editors with a note of who changed what; a hostile co-editor's invalid
// write is shown as an error and never reaches the editors.
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startRelay } from '../../src/cli/relay/relay-server';
import { decodeAssignmentLink } from '../../src/class/assignment';
import { versionHash } from '../../src/engine/fingerprint';
import { liveRoots } from '../../src/share/live-doc';
import { ClassState } from '../../src/ui/state/class.svelte';
import { EditorState } from '../../src/ui/state/editor.svelte';
import { followTeacher, shareEdits } from '../../src/ui/state/live-glue';
import { whoChanged } from '../../src/ui/state/live-sync';
import { until } from '../cli/relay-clients';
import { loadExample } from '../helpers';
import { freshDb } from '../storage/helpers';
import type * as Y from 'yjs';

const WS = WebSocket as unknown as typeof globalThis.WebSocket;

async function person(name: string): Promise<{ state: ClassState; editor: EditorState }> {
  const state = new ClassState(freshDb(name).db);
  state.webSocket = WS;
  await state.init();
  const editor = new EditorState();
  shareEdits(editor, state, () => true);
  return { state, editor };
}

const param = (editor: EditorState, step: string, name: string) => editor.snapshot().steps.find((s) => s.id === step)?.params[name];

describe('co-editing a live pipeline (teacher + co-edit link)', () => {
  it('both edit different steps at once: both editors end with both edits and say who changed what; an invalid write is shown, never loaded', async () => {
    const relay = await startRelay({ port: 0 });
    const spec = loadExample('iris-logreg');
    const teacher = await person('coedit-teacher');
    const ana = await person('coedit-ana');
    try {
      teacher.editor.load(spec);
      const board = await teacher.state.makeAssignment({ spec, versionHash: await versionHash(spec), record: null, data: [], pipelineId: 'p1', base: 'https://p.example/' }, { hideResult: false, seed: 'locked', relay: relay.url }, 1_000);
      const link = await teacher.state.coeditLink(board);
      expect(link).not.toBeNull();
      const opened = await decodeAssignmentLink(link!);
      expect(opened.assignment?.live?.editor).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await decodeAssignmentLink(board.link)).assignment?.live?.editor).toBeUndefined();

      ana.state.studentName = 'Ana';
      ana.editor.load(opened.payload.spec);
      ana.state.opened(opened.assignment);
      await followTeacher(opened.assignment!.live!, ana.state);
      await until('Ana to sync', () => ana.state.live?.synced === true);
      expect(ana.state.live?.role).toBe('editor');
      await until('the teacher to see Ana as a co-editor', () => teacher.state.live!.peers.some((p) => p.name === 'Ana' && p.role === 'editor'));
      await until('Ana to see the teacher', () => ana.state.live!.peers.some((p) => p.role === 'teacher'));

      expect(teacher.editor.setParam('model', 'epochs', 5)).toBeNull();
      expect(ana.editor.setParam('split', 'testFraction', 0.3)).toBeNull(); // before the teacher's edit has arrived
      const both = (e: EditorState) => param(e, 'model', 'epochs') === 5 && param(e, 'split', 'testFraction') === 0.3;
      await until('both editors to hold both edits', () => both(teacher.editor) && both(ana.editor));
      await until('the notes to arrive', () => teacher.state.liveNotice !== '' && ana.state.liveNotice !== '');
      expect(teacher.state.liveNotice).toBe('Ana changed the pipeline (test fraction → 0.3) — Run to see.');
      expect(ana.state.liveNotice).toBe('The teacher changed the pipeline (epochs → 5) — Run to see.');
      expect(teacher.editor.snapshot()).toEqual(ana.editor.snapshot());

      // A hostile co-editor writes an unknown step kind straight into the document.
      const steps = liveRoots(ana.state.live!.doc).pipeline.get('steps') as Y.Array<Y.Map<unknown>>;
      steps.get(2).set('kind', 'transform.no-such-step');
      await until('the teacher to show the error', () => teacher.state.liveError);
      expect(teacher.state.liveNotice).toMatch(/^Ana made a change that cannot be used: .*transform\.no-such-step.*Your copy is unchanged and nothing was run\.$/);
      expect(teacher.editor.snapshot().steps[2].kind).toBe('transform.standardize');
      expect(both(teacher.editor)).toBe(true);

      // The teacher's next edit writes only what it changed; the room becomes valid once the step is repaired.
      expect(teacher.editor.setParam('model', 'epochs', 6)).toBeNull();
      await until('Ana to see the new epochs in the room', () => (liveRoots(ana.state.live!.doc).pipeline.toJSON() as { steps: { params: { epochs?: number } }[] }).steps[3].params.epochs === 6);
      expect(teacher.state.liveError).toBe(true);
      steps.get(2).set('kind', 'transform.standardize');
      await until('the teacher to take the repaired pipeline', () => !teacher.state.liveError);
      expect(param(teacher.editor, 'model', 'epochs')).toBe(6);
      expect(teacher.state.liveNotice).toBe('The session’s pipeline can be used again.');

      // Taking the steps away altogether is an invalid state too.
      liveRoots(ana.state.live!.doc).pipeline.delete('steps');
      await until('the teacher to show the missing steps', () => teacher.state.liveError);
      expect(teacher.state.liveNotice).toMatch(/cannot be used: steps/);
      expect(teacher.editor.snapshot().steps).toHaveLength(5);

      // The teacher puts their copy back: the room is whole again, for Ana too.
      teacher.state.putBack(teacher.editor.snapshot() as unknown as Record<string, unknown>);
      expect(teacher.state.liveError).toBe(false);
      await until('Ana to see a usable pipeline with every edit', () => (ana.state.live!.roomPipeline().kind === 'valid' && param(ana.editor, 'model', 'epochs') === 6 && param(ana.editor, 'split', 'testFraction') === 0.3));
      expect(ana.state.live!.roomPipeline()).toEqual({ kind: 'valid', spec: teacher.editor.snapshot() });
    } finally {
      ana.state.leave();
      teacher.state.leave();
      await relay.close();
    }
  });

  it('an edit survives a reload of the pipeline in the moment before it is written (a shared link becoming your own copy)', async () => {
    const relay = await startRelay({ port: 0 });
    const spec = loadExample('iris-logreg');
    const teacher = await person('reload-teacher');
    const ana = await person('reload-ana');
    try {
      teacher.editor.load(spec);
      const board = await teacher.state.makeAssignment({ spec, versionHash: await versionHash(spec), record: null, data: [], pipelineId: 'p1', base: 'https://p.example/' }, { hideResult: false, seed: 'locked', relay: relay.url }, 1_000);
      const opened = await decodeAssignmentLink((await teacher.state.coeditLink(board))!);
      ana.editor.load(opened.payload.spec);
      await followTeacher(opened.assignment!.live!, ana.state);
      await until('Ana to sync', () => ana.state.live?.synced === true);
      expect(ana.editor.setParam('split', 'testFraction', 0.3)).toBeNull();
      ana.editor.load(opened.payload.spec); // as the fork does: the stored copy, taken before the edit
      await until('the edit to reach the teacher', () => param(teacher.editor, 'split', 'testFraction') === 0.3);
      await until('the edit to be back in Ana’s editor', () => param(ana.editor, 'split', 'testFraction') === 0.3);
    } finally {
      ana.state.leave();
      teacher.state.leave();
      await relay.close();
    }
  });

  it('names the authors of a change', () => {
    expect(whoChanged([])).toBe('Someone in the session');
    expect(whoChanged([{ name: 'Teacher', role: 'teacher' }])).toBe('The teacher');
    expect(whoChanged([{ name: 'Bo', role: 'editor' }, { name: 'Cy', role: 'editor' }, { name: 'T', role: 'teacher' }])).toBe('Bo, Cy and The teacher');
  });
});
