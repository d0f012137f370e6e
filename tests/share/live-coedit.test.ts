// Co-editing (issue 22 item 3): the spec ↔ Y.Doc mapping merges concurrent edits of two documents,
// a merged state that is invalid is rejected by the restore path, and the co-editor token chain.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { liveRoots, readLivePipeline, writeLivePipeline } from '../../src/share/live-doc';
import { applyLocalEdit } from '../../src/share/live-edit';
import { readRoomPipeline } from '../../src/share/live-read';
import { editorTokenFor, isEditorToken, isTeacherToken, newTeacherToken, roomIdForEditor, roomIdForToken } from '../../src/share/live-room';
import { readAssignment } from '../../src/class/assignment';
import { loadExample } from '../helpers';

type Spec = { seed: number; name: string; steps: { id: string; kind: string; params: Record<string, unknown>; enabled?: boolean }[] };

const plain = (s: unknown) => structuredClone(s) as Record<string, unknown>;

/** Two documents that start from the same pipeline (as two browsers after their first sync). */
function twoDocs(): { a: Y.Doc; b: Y.Doc; spec: Spec } {
  const spec = loadExample('iris-logreg') as unknown as Spec;
  const a = new Y.Doc();
  writeLivePipeline(a, plain(spec));
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b, spec };
}

/** Exchanges what each document has that the other lacks (both directions, as a relay would). */
function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

function edited(spec: Spec, change: (s: Spec) => void): Spec {
  const copy = structuredClone(spec);
  change(copy);
  return copy;
}

const param = (s: Record<string, unknown>, step: string, name: string) => (s as unknown as Spec).steps.find((st) => st.id === step)?.params[name];

describe('co-editing: one edit becomes the smallest change to the shared document', () => {
  it('two people edit different steps at once (neither has seen the other): both edits survive in both documents', () => {
    const { a, b, spec } = twoDocs();
    applyLocalEdit(a, plain(spec), plain(edited(spec, (s) => (s.steps[1].params.testFraction = 0.3))));
    applyLocalEdit(b, plain(spec), plain(edited(spec, (s) => (s.steps[3].params.epochs = 5))));
    sync(a, b);
    for (const doc of [a, b]) {
      const got = readLivePipeline(doc);
      expect(param(got, 'split', 'testFraction')).toBe(0.3);
      expect(param(got, 'model', 'epochs')).toBe(5);
      expect(param(got, 'model', 'learningRate')).toBe(0.1);
    }
    expect(readLivePipeline(a)).toEqual(readLivePipeline(b));
    const merged = readRoomPipeline(a);
    expect(merged.kind).toBe('valid');
  });

  it('two parameters of the same step, the seed and the name merge too; the same parameter ends equal in both', () => {
    const { a, b, spec } = twoDocs();
    applyLocalEdit(a, plain(spec), plain(edited(spec, (s) => ((s.steps[3].params.epochs = 7), (s.seed = 9)))));
    applyLocalEdit(b, plain(spec), plain(edited(spec, (s) => ((s.steps[3].params.l2 = 0.5), (s.name = 'Ours')))));
    applyLocalEdit(a, plain(spec), plain(edited(spec, (s) => (s.steps[3].params.batchSize = 16))));
    applyLocalEdit(b, plain(spec), plain(edited(spec, (s) => (s.steps[3].params.batchSize = 64))));
    sync(a, b);
    const got = readLivePipeline(a);
    expect(got).toEqual(readLivePipeline(b));
    expect({ epochs: param(got, 'model', 'epochs'), l2: param(got, 'model', 'l2'), seed: got.seed, name: got.name }).toEqual({ epochs: 7, l2: 0.5, seed: 9, name: 'Ours' });
    expect([16, 64]).toContain(param(got, 'model', 'batchSize'));
  });

  it('a step added by one and a parameter changed by the other both survive; a removal wins over an edit of the removed step', () => {
    const { a, b, spec } = twoDocs();
    const added = edited(spec, (s) => s.steps.splice(3, 0, { id: 'pca', kind: 'transform.pca', params: { components: 2 }, enabled: true }));
    applyLocalEdit(a, plain(spec), plain(added));
    applyLocalEdit(b, plain(spec), plain(edited(spec, (s) => (s.steps[3].params.epochs = 5))));
    sync(a, b);
    const got = readLivePipeline(b) as unknown as Spec;
    expect(got.steps.map((s) => s.id)).toEqual(['data', 'split', 'scale', 'pca', 'model', 'evaluate']);
    expect(param(got as unknown as Record<string, unknown>, 'model', 'epochs')).toBe(5);

    const current = readLivePipeline(a) as unknown as Spec;
    applyLocalEdit(a, plain(current), plain(edited(current, (s) => s.steps.splice(3, 1))));
    applyLocalEdit(b, plain(current), plain(edited(current, (s) => (s.steps[3].params.components = 3))));
    sync(a, b);
    expect((readLivePipeline(a) as unknown as Spec).steps.map((s) => s.id)).toEqual(['data', 'split', 'scale', 'model', 'evaluate']);
    expect(readLivePipeline(a)).toEqual(readLivePipeline(b));
  });

  it('a move keeps the other steps in place and the moved step whole', () => {
    const { a, spec } = twoDocs();
    const moved = edited(spec, (s) => s.steps.splice(1, 0, ...s.steps.splice(2, 1)));
    applyLocalEdit(a, plain(spec), plain(moved));
    expect(readLivePipeline(a)).toEqual(plain(moved));
    expect((liveRoots(a).pipeline.get('steps') as Y.Array<Y.Map<unknown>>).get(1).get('params')).toBeInstanceOf(Y.Map);
  });

  it('rejects a merged state that is invalid (unknown step, bad parameter, damaged steps) with the path of the bad field', () => {
    const { a, b, spec } = twoDocs();
    const steps = () => liveRoots(b).pipeline.get('steps') as Y.Array<Y.Map<unknown>>;
    (steps().get(3).get('params') as Y.Map<unknown>).set('learningRate', 'fast');
    sync(a, b);
    const bad = readRoomPipeline(a);
    expect(bad.kind).toBe('invalid');
    expect(bad.kind === 'invalid' && bad.error).toMatch(/steps\[3\]\.params\.learningRate/);

    (steps().get(3).get('params') as Y.Map<unknown>).set('learningRate', 0.5);
    steps().get(2).set('kind', 'transform.no-such-step');
    sync(a, b);
    const unknown = readRoomPipeline(a);
    expect(unknown.kind === 'invalid' && unknown.error).toMatch(/transform\.no-such-step/);

    liveRoots(b).pipeline.set('steps', 'not a list');
    sync(a, b);
    expect(readRoomPipeline(a).kind).toBe('invalid');
    expect(readRoomPipeline(new Y.Doc())).toEqual({ kind: 'empty' });
    applyLocalEdit(a, plain(spec), plain(spec)); // steps are no longer shared types: the edit rewrites the pipeline whole
    expect(readRoomPipeline(a)).toEqual({ kind: 'valid', spec });
  });
});

describe('co-editor tokens: teacher token → co-editor token → room id', () => {
  it('a co-editor token opens its room as a co-editor only; it is not a teacher token and reveals neither the teacher token', async () => {
    const teacher = newTeacherToken();
    const editor = await editorTokenFor(teacher);
    const room = await roomIdForToken(teacher);
    expect(room).toBe(await roomIdForEditor(editor));
    expect(new Set([teacher, editor, room]).size).toBe(3);
    expect(await isTeacherToken(room, teacher)).toBe(true);
    expect(await isEditorToken(room, editor)).toBe(true);
    expect(await isTeacherToken(room, editor)).toBe(false);
    expect(await isEditorToken(room, teacher)).toBe(false);
    expect(await isEditorToken(room, room)).toBe(false);
    expect(await isEditorToken(room, await editorTokenFor(newTeacherToken()))).toBe(false);
    expect(await isEditorToken(room, null)).toBe(false);
  });

  it('still recognises the teacher of a room made before co-editing (room id = SHA-256 of the token), which has no co-editors', async () => {
    const teacher = newTeacherToken();
    const bytes = Uint8Array.from(atob(teacher.replace(/-/g, '+').replace(/_/g, '/') + '='), (c) => c.charCodeAt(0));
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const legacy = btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(await isTeacherToken(legacy, teacher)).toBe(true);
    expect(await isEditorToken(legacy, await editorTokenFor(teacher))).toBe(false);
    expect(await isEditorToken(legacy, teacher)).toBe(false);
  });
});

describe('the co-edit link', () => {
  it('carries the co-editor token in its live session; a damaged one is refused with what was expected', () => {
    const room = 'r'.repeat(43);
    const base = { id: '0123456789ab', hideResult: false, seed: 'locked' };
    expect(readAssignment({ assignment: { ...base, live: { relay: 'ws://school:1234', room, editor: 'e'.repeat(43) } } })?.live).toEqual({ relay: 'ws://school:1234', room, editor: 'e'.repeat(43) });
    expect(readAssignment({ assignment: { ...base, live: { relay: 'ws://school:1234', room } } })?.live).toEqual({ relay: 'ws://school:1234', room });
    for (const editor of ['short', 42, null, 'e'.repeat(42) + '!']) {
      expect(() => readAssignment({ assignment: { ...base, live: { relay: 'ws://school:1234', room, editor } } })).toThrow(/co-edit key is damaged: expected 43 base64url characters/);
    }
  });
});
