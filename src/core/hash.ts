import { canonicalJson } from './canonical-json';
import { sha256Sync } from './sha256';

/** Any typed array pipelab stores in tables, models and predictions. */
export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array | Uint32Array | Int8Array;

const encoder = new TextEncoder();

/** A synchronous SHA-256 of the concatenation of `parts`, as lowercase hex. */
export type Sha256 = (parts: readonly Uint8Array[]) => string;

let hostSha256: Sha256 | null = null;

/**
 * Inputs up to this many bytes are hashed in place (sha256Sync) when no host hash is set:
 * WebCrypto's digest is a trip to another thread and back, which costs more than hashing a
 * few kilobytes in JavaScript; larger inputs (a data table, a big file) go to WebCrypto,
 * which is several times faster per byte. Same digests either way.
 */
export const SYNC_HASH_BYTES = 16 * 1024;

/**
 * Lets a host hash with its own synchronous SHA-256 instead of WebCrypto (null: back
 * to WebCrypto). Node's WebCrypto sends every digest to a thread-pool thread and back,
 * which took longer than hashing a pipeline state; the digests are the same.
 */
export function useHostSha256(sha256: Sha256 | null): void {
  hostSha256 = sha256;
}

/** A text whose SHA-256 is known already (the import preview hashed its bytes as it read them). */
let known: { readonly text: string; readonly hash: string } | null = null;

/**
 * Tells sha256Hex the hash of `text`'s UTF-8, computed elsewhere from those very bytes: the
 * run that reads the same content next (compared in full, much cheaper than hashing) skips
 * hashing 50 MB again. One text at a time.
 */
export function rememberSha256(text: string, hash: string): void {
  known = { text, hash };
}

/** SHA-256 of bytes or of a string's UTF-8, as lowercase hex: the host's (see useHostSha256), else WebCrypto's. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  if (typeof data === 'string' && known !== null && known.text.length === data.length && known.text === data) return known.hash;
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  if (hostSha256) return hostSha256([bytes]);
  if (bytes.length <= SYNC_HASH_BYTES) return sha256Sync([bytes]);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}

/**
 * Hashes plain data that may hold typed arrays and non-finite numbers (a pipeline
 * state). Typed arrays are hashed by their raw bytes (little-endian, as on every
 * platform pipelab runs on) after a canonical JSON header that records their type
 * and length, so equal content always gives an equal hash.
 */
export async function hashValue(value: unknown): Promise<string> {
  const chunks: Uint8Array[] = [];
  const header = canonicalJson(describe(value, chunks));
  const head = encoder.encode(header);
  if (hostSha256) return hostSha256([head, new Uint8Array(1), ...chunks]);
  let total = head.length + 1;
  for (const c of chunks) total += c.length;
  if (total <= SYNC_HASH_BYTES) return sha256Sync([head, new Uint8Array(1), ...chunks]);
  const all = new Uint8Array(total);
  all.set(head, 0);
  let offset = head.length + 1;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  return sha256Hex(all);
}

function describe(value: unknown, chunks: Uint8Array[]): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const view = value as TypedArray;
    chunks.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    return { $typed: view.constructor.name, $length: view.length, $chunk: chunks.length - 1 };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  if (Array.isArray(value)) return value.map((v) => describe(v, chunks));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = describe((value as Record<string, unknown>)[key], chunks);
    return out;
  }
  return value;
}

function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
