// The layout of a live session's shared Yjs document, imported by the relay (Node) and the browser.
// Pure: no DOM, no network. Three root types:
//   pipeline  Y.Map   the assignment's pipeline spec. Top-level spec fields (format, version, name,
//                     seed, …) are plain values; `steps` is a Y.Array of Y.Maps, one per step, whose
//                     `params` is a Y.Map of plain values, so that two people editing different
//                     steps or parameters merge. Only a teacher connection may change it.
//   handins   Y.Map   signed hand-in entries keyed by the student's public-key fingerprint
//                     (see handin-signing.ts). A student connection may only write its own slot.
//   meta      Y.Map   session facts set by the teacher (title, created, the pushed version's note).
import * as Y from 'yjs';

/** Names of the document's root types. */
export const LIVE_ROOTS = { pipeline: 'pipeline', handins: 'handins', meta: 'meta' } as const;

/** One student's hand-in as stored in the `handins` map. */
export interface HandinEntry {
  /** The result code (class-board issue) as its link text. */
  code: string;
  /** The student's ECDSA P-256 public key, raw point, base64url. */
  publicKey: string;
  /** ECDSA P-256 / SHA-256 signature (IEEE P1363, base64url) over handinSigningText(). */
  signature: string;
  /** Milliseconds since 1970 when the student handed in; a slot only moves forward in time. */
  at: number;
}

/** Limits on an entry's fields, checked by the relay and the board alike. */
export const HANDIN_LIMITS = { maxCodeLength: 16_384, maxKeyLength: 128, maxSignatureLength: 128 } as const;

/** The three root types of a live document. */
export function liveRoots(doc: Y.Doc): { pipeline: Y.Map<unknown>; handins: Y.Map<unknown>; meta: Y.Map<unknown> } {
  return { pipeline: doc.getMap(LIVE_ROOTS.pipeline), handins: doc.getMap(LIVE_ROOTS.handins), meta: doc.getMap(LIVE_ROOTS.meta) };
}

/** Checks the shape of a stored hand-in: the entry, or a sentence saying what is wrong. */
export function parseHandinEntry(value: unknown): HandinEntry | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'a hand-in must be an object';
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v).sort().join(',');
  if (keys !== 'at,code,publicKey,signature') return `a hand-in has exactly the fields at, code, publicKey, signature (got ${keys || 'none'})`;
  if (typeof v.code !== 'string' || v.code.length === 0 || v.code.length > HANDIN_LIMITS.maxCodeLength) return 'code must be a non-empty string of at most 16384 characters';
  if (typeof v.publicKey !== 'string' || !/^[A-Za-z0-9_-]+$/.test(v.publicKey) || v.publicKey.length > HANDIN_LIMITS.maxKeyLength) return 'publicKey must be base64url text';
  if (typeof v.signature !== 'string' || !/^[A-Za-z0-9_-]+$/.test(v.signature) || v.signature.length > HANDIN_LIMITS.maxSignatureLength) return 'signature must be base64url text';
  if (typeof v.at !== 'number' || !Number.isSafeInteger(v.at) || v.at <= 0) return 'at must be a positive whole number of milliseconds';
  return { code: v.code, publicKey: v.publicKey, signature: v.signature, at: v.at };
}

/** Writes a pipeline spec (plain JSON) into the `pipeline` map, replacing what was there, in one transaction. */
export function writeLivePipeline(doc: Y.Doc, spec: Record<string, unknown>): void {
  const pipeline = liveRoots(doc).pipeline;
  doc.transact(() => {
    for (const key of [...pipeline.keys()]) if (!(key in spec)) pipeline.delete(key);
    for (const [key, value] of Object.entries(spec)) {
      pipeline.set(key, key === 'steps' && Array.isArray(value) ? stepsToY(value) : value);
    }
  });
}

function stepsToY(steps: unknown[]): Y.Array<unknown> {
  const array = new Y.Array<unknown>();
  array.push(steps.map((step) => stepToY(step)));
  return array;
}

function stepToY(step: unknown): unknown {
  if (step === null || typeof step !== 'object' || Array.isArray(step)) return step;
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(step)) {
    if (key === 'params' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      map.set(key, new Y.Map<unknown>(Object.entries(value)));
    } else map.set(key, value);
  }
  return map;
}

/** Reads the `pipeline` map back as plain JSON; the caller passes it through the usual restore path. */
export function readLivePipeline(doc: Y.Doc): Record<string, unknown> {
  return liveRoots(doc).pipeline.toJSON() as Record<string, unknown>;
}
