// Reads the live document's pipeline through the one restore path (decode → migrate → fill defaults →
// validate), so a merged state that someone made invalid (an unknown step, a bad parameter, a
// hostile write) is an error in words, never a spec that could be loaded or run.
import type * as Y from 'yjs';
import { restorePipeline } from '../core/restore';
import type { PipelineSpec } from '../core/spec';
import { stepCatalog } from '../steps/catalog';
import { readLivePipeline } from './live-doc';

/** The room's pipeline: valid (as restored), invalid (why), or not written yet. */
export type RoomPipeline = { kind: 'valid'; spec: PipelineSpec } | { kind: 'invalid'; error: string } | { kind: 'empty' };

/** Reads and validates the pipeline in a live document. */
export function readRoomPipeline(doc: Y.Doc): RoomPipeline {
  const plain = readLivePipeline(doc);
  if (Object.keys(plain).length === 0) return { kind: 'empty' };
  try {
    return { kind: 'valid', spec: restorePipeline(structuredClone(plain), stepCatalog) };
  } catch (err) {
    return { kind: 'invalid', error: (err as Error).message };
  }
}
