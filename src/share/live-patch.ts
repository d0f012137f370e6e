// Writes a pipeline into a live document as the smallest change: when the steps are the same (same ids
// in the same order), only the parameters and fields that differ are set, so two people editing
// different steps or parameters at once both keep their edits (Yjs merges per key). Otherwise the
// whole pipeline is replaced (writeLivePipeline).
import * as Y from 'yjs';
import { liveRoots, writeLivePipeline } from './live-doc';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Sets in `map` only the keys of `value` that differ (and deletes keys `value` lacks). */
function patchMap(map: Y.Map<unknown>, value: Record<string, unknown>, nested: (key: string, v: unknown, current: unknown) => boolean): void {
  for (const key of [...map.keys()]) if (!(key in value)) map.delete(key);
  for (const [key, v] of Object.entries(value)) {
    const current = map.get(key);
    if (nested(key, v, current)) continue;
    const plain = current instanceof Y.AbstractType ? current.toJSON() : current;
    if (!same(plain, v)) map.set(key, v);
  }
}

/** Writes `spec` into the document, changing only what differs when the step list is unchanged. */
export function patchLivePipeline(doc: Y.Doc, spec: Record<string, unknown>): void {
  const pipeline = liveRoots(doc).pipeline;
  const steps = pipeline.get('steps');
  const next = Array.isArray(spec.steps) ? (spec.steps as Record<string, unknown>[]) : null;
  const ids = steps instanceof Y.Array ? steps.toArray().map((s) => (s instanceof Y.Map ? s.get('id') : undefined)) : null;
  if (!next || !ids || !same(ids, next.map((s) => s?.id)) || !(steps instanceof Y.Array)) return writeLivePipeline(doc, spec);
  doc.transact(() => {
    patchMap(pipeline, spec, (key) => key === 'steps');
    next.forEach((step, i) => {
      const map = steps.get(i) as Y.Map<unknown>;
      patchMap(map, step, (key, v, current) => {
        if (key !== 'params' || !(current instanceof Y.Map) || v === null || typeof v !== 'object' || Array.isArray(v)) return false;
        patchMap(current, v as Record<string, unknown>, () => false);
        return true;
      });
    });
  });
}
