import { canonicalJson } from './canonical-json';

/** Any typed array pipelab stores in tables, models and predictions. */
export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array | Uint32Array | Int8Array;

const encoder = new TextEncoder();

/** A synchronous SHA-256 of the concatenation of `parts`, as lowercase hex. */
export type Sha256 = (parts: readonly Uint8Array[]) => string;

let hostSha256: Sha256 | null = null;
let smallSha256: Sha256 | null = null;

/**
 * Inputs up to this many bytes are hashed in place (by the hash useSmallSha256 installs) when no host hash is set:
 * WebCrypto's digest is a trip to another thread and back, which costs more than hashing a
 * couple of kilobytes in JavaScript (about 100 MB/s); larger inputs (a data table, a big
 * file) go to WebCrypto, several times faster per byte. In Chromium's worker 2 KB beat 16 KB
 * by about 0.3 ms on an iris run (whose states are a few KB each). Same digests either way.
 */
export const SYNC_HASH_BYTES = 2 * 1024;

/**
 * Lets a host hash with its own synchronous SHA-256 instead of WebCrypto (null: back
 * to WebCrypto). Node's WebCrypto sends every digest to a thread-pool thread and back,
 * which took longer than hashing a pipeline state; the digests are the same.
 */
export function useHostSha256(sha256: Sha256 | null): void {
  hostSha256 = sha256;
}

/**
 * Installs the synchronous SHA-256 (core/sha256's sha256Sync) that hashes inputs up to
 * SYNC_HASH_BYTES in place (null: WebCrypto for every size). The engine's worker installs
 * it; the page does not, so the start page's bundle does not carry it. Same digests either way.
 */
export function useSmallSha256(sha256: Sha256 | null): void {
  smallSha256 = sha256;
}

/** Texts whose SHA-256 is known already (the import preview's, and texts hashed here), most recent last. */
const known: { readonly text: string; readonly hash: string }[] = [];
/** How many texts are remembered, and how many characters in all (the oldest go first). */
const KNOWN_TEXTS = 8;
const KNOWN_CHARS = 64_000_000;
/** sha256Hex remembers the texts it hashes between these lengths (shorter ones hash in place; bundled data files are far below the upper end). */
const REMEMBER_CHARS = { min: SYNC_HASH_BYTES, max: 4_000_000 };

/**
 * Tells sha256Hex the hash of `text`'s UTF-8, computed elsewhere from those very bytes: the
 * run that reads the same content next (compared in full, much cheaper than hashing) skips
 * hashing 50 MB again.
 */
export function rememberSha256(text: string, hash: string): void {
  const at = known.findIndex((k) => k.text === text);
  if (at >= 0) known.splice(at, 1);
  known.push({ text, hash });
  let chars = 0;
  for (const k of known) chars += k.text.length;
  while (known.length > KNOWN_TEXTS || (known.length > 1 && chars > KNOWN_CHARS)) chars -= known.shift()!.text.length;
}

/** Forgets a remembered text (a large one that is no longer wanted), so it need not stay in memory. */
export function forgetSha256(text: string): void {
  const at = known.findIndex((k) => k.text === text);
  if (at >= 0) known.splice(at, 1);
}

/** The remembered hash of `text`, if any (a string is immutable: equal text, equal hash). */
function knownHash(text: string): string | undefined {
  for (let i = known.length - 1; i >= 0; i--) {
    if (known[i].text.length !== text.length || known[i].text !== text) continue;
    const [hit] = known.splice(i, 1);
    known.push(hit); // most recently used last
    return hit.hash;
  }
  return undefined;
}

/**
 * SHA-256 of bytes or of a string's UTF-8, as lowercase hex: the host's (see useHostSha256),
 * else in place for small inputs, else WebCrypto's. A string's hash is remembered (a run
 * hashes its data file every time; the worker reads the same bundled text each run).
 */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  if (typeof data !== 'string') return sha256Bytes(data);
  const kept = knownHash(data);
  if (kept !== undefined) return kept;
  const hash = await sha256Bytes(encoder.encode(data));
  if (data.length >= REMEMBER_CHARS.min && data.length <= REMEMBER_CHARS.max) rememberSha256(data, hash);
  return hash;
}

async function sha256Bytes(bytes: Uint8Array): Promise<string> {
  if (hostSha256) return hostSha256([bytes]);
  if (smallSha256 && bytes.length <= SYNC_HASH_BYTES) return smallSha256([bytes]);
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
  const head = encoder.encode(hashHeader(value, chunks));
  if (hostSha256) return hostSha256([head, new Uint8Array(1), ...chunks]);
  let total = head.length + 1;
  for (const c of chunks) total += c.length;
  if (smallSha256 && total <= SYNC_HASH_BYTES) return smallSha256([head, new Uint8Array(1), ...chunks]);
  const all = gatherBuffer(total);
  all.set(head, 0);
  all[head.length] = 0;
  let offset = head.length + 1;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  return sha256Bytes(all); // WebCrypto copies its input when called, so the buffer is free again at once
}

/** The buffer hashValue gathers a state's bytes in for WebCrypto: one kept and reused up to 16 MB (a run hashes a dozen states), a new one beyond. */
let gathered = new Uint8Array(0);
const GATHER_KEPT = 16 * 1024 * 1024;

function gatherBuffer(bytes: number): Uint8Array {
  if (bytes > GATHER_KEPT) return new Uint8Array(bytes);
  if (gathered.length < bytes) gathered = new Uint8Array(Math.min(GATHER_KEPT, Math.max(bytes, 2 * gathered.length)));
  return gathered.subarray(0, bytes);
}

/**
 * hashValue's header: the canonical JSON of `value` with each typed array replaced by
 * {"$chunk","$length","$typed"} (its bytes pushed onto `chunks`) and each non-finite number by
 * {"$number"}. Written in one pass; a value canonical JSON cannot hold takes the two-pass way,
 * whose error names where it is.
 */
export function hashHeader(value: unknown, chunks: Uint8Array[]): string {
  const from = chunks.length;
  const fast = writeHeader(value, chunks);
  if (fast !== undefined) return fast;
  chunks.length = from;
  return canonicalJson(describe(value, chunks));
}

/** canonicalJson(describe(value, chunks)), or undefined where that has no answer. */
function writeHeader(value: unknown, chunks: Uint8Array[]): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : `{"$number":"${String(value)}"}`;
    case 'object':
      break;
    default:
      return undefined;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const view = value as TypedArray;
    chunks.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    return `{"$chunk":${chunks.length - 1},"$length":${view.length},"$typed":${JSON.stringify(view.constructor.name)}}`;
  }
  return Array.isArray(value) ? writeHeaderArray(value, chunks) : writeHeaderObject(value as Record<string, unknown>, chunks);
}

function writeHeaderArray(items: unknown[], chunks: Uint8Array[]): string | undefined {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    const item = i in items ? writeHeader(items[i], chunks) : ''; // a hole prints as nothing, as canonicalJson prints it
    if (item === undefined) return undefined;
    out += i ? ',' + item : item;
  }
  return out + ']';
}

function writeHeaderObject(obj: Record<string, unknown>, chunks: Uint8Array[]): string | undefined {
  let out = '{';
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined) continue;
    const item = writeHeader(v, chunks);
    if (item === undefined) return undefined;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + item;
  }
  return out + '}';
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
