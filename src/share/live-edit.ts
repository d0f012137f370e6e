// Co-editing: one person's edit (the pipeline before and after it) written into the live document as
// the smallest set of Yjs operations, so that edits by others to other fields, steps or parameters
// made at the same time survive the merge. Only what this edit changed is written: a field the edit
// did not touch keeps whatever the document holds (perhaps someone else's newer value). A step added
// goes in after its predecessor (by id); a step moved is removed and re-inserted with its current
// state (a concurrent parameter edit of that very step is then lost). Pure: no DOM, no network.
import * as Y from 'yjs';
import { liveRoots, writeLivePipeline } from './live-doc';

type Plain = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isPlain = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);

function stepsOf(spec: Plain): Plain[] {
  return Array.isArray(spec.steps) ? (spec.steps as unknown[]).filter(isPlain) : [];
}

/** A step as shared types: a Y.Map whose params are a Y.Map. */
function stepToY(step: Plain): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(step)) map.set(key, key === 'params' && isPlain(value) ? new Y.Map<unknown>(Object.entries(value)) : value);
  return map;
}

/** Sets in `map` the keys whose value differs between `before` and `after`, deletes those `after` dropped. */
function writeChangedKeys(map: Y.Map<unknown>, before: Plain, after: Plain, skip: (key: string) => boolean): void {
  for (const key of Object.keys(before)) if (!(key in after) && !skip(key)) map.delete(key);
  for (const [key, value] of Object.entries(after)) if (!skip(key) && !same(before[key], value)) map.set(key, value);
}

function indexOfStep(steps: Y.Array<unknown>, id: unknown): number {
  return steps.toArray().findIndex((s) => s instanceof Y.Map && s.get('id') === id);
}

/** Writes the changes of one step that is in both `before` and `after` into its map in the document. */
function writeStep(map: Y.Map<unknown>, before: Plain, after: Plain): void {
  writeChangedKeys(map, before, after, (key) => key === 'params');
  const was = isPlain(before.params) ? before.params : {};
  const now = isPlain(after.params) ? after.params : {};
  const params = map.get('params');
  if (params instanceof Y.Map) writeChangedKeys(params, was, now, () => false);
  else if (!same(was, now)) map.set('params', new Y.Map<unknown>(Object.entries(now)));
}

/** Removes the steps `after` dropped or moved; returns the ids of those still in place (in `after`'s relative order). */
function removeStepsGone(steps: Y.Array<unknown>, before: Plain[], after: Plain[]): Set<unknown> {
  const afterIds = after.map((s) => s.id);
  const kept = before.map((s) => s.id).filter((id) => afterIds.includes(id));
  // Steps whose relative order is unchanged stay (a longest run in order); the others are re-inserted.
  const stay = new Set<unknown>();
  let last = -1;
  for (const id of kept) {
    const at = afterIds.indexOf(id);
    if (at > last) {
      stay.add(id);
      last = at;
    }
  }
  for (const step of before) {
    if (stay.has(step.id)) continue;
    const at = indexOfStep(steps, step.id);
    if (at >= 0) steps.delete(at, 1);
  }
  return stay;
}

/** Where the step `now[i]` goes: after its nearest predecessor that the document holds, else first. */
function insertionPoint(steps: Y.Array<unknown>, now: Plain[], i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    const at = indexOfStep(steps, now[j].id);
    if (at >= 0) return at + 1;
  }
  return 0;
}

/** Writes one edit (the pipeline `before` → `after`, plain JSON) into the live document, changing only what the edit changed. */
export function applyLocalEdit(doc: Y.Doc, before: Plain, after: Plain): void {
  const pipeline = liveRoots(doc).pipeline;
  const steps = pipeline.get('steps');
  if (!(steps instanceof Y.Array)) return writeLivePipeline(doc, after);
  doc.transact(() => {
    writeChangedKeys(pipeline, before, after, (key) => key === 'steps');
    const was = stepsOf(before);
    const now = stepsOf(after);
    const stay = removeStepsGone(steps, was, now);
    const old = new Map(was.map((s) => [s.id, s]));
    now.forEach((step, i) => {
      if (stay.has(step.id)) {
        const at = indexOfStep(steps, step.id);
        if (at >= 0) writeStep(steps.get(at) as Y.Map<unknown>, old.get(step.id) ?? {}, step);
        return;
      }
      steps.insert(insertionPoint(steps, now, i), [stepToY(step)]);
    });
  });
}
