import { fromBase64Url, toBase64Url } from './base64url';
import { ShareError } from './share-error';

const TYPED = { Float64Array, Float32Array, Int32Array, Uint8Array, Uint32Array, Int8Array } as const;
type TypedName = keyof typeof TYPED;

/**
 * Makes plain data with typed arrays, ArrayBuffers and non-finite numbers
 * JSON-safe: `{ $typed, b64 }`, `{ $bytes }` and `{ $number }` markers (bytes little-endian).
 */
export function toJsonSafe(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return { $bytes: toBase64Url(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name as TypedName;
    if (!(name in TYPED)) throw new Error(`Cannot store a ${name}`);
    return { $typed: name, b64: toBase64Url(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonSafe(v);
    return out;
  }
  return value;
}

/** Reverses toJsonSafe, accepting only the known markers and typed-array types. */
export function fromJsonSafe(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJsonSafe);
  if (!value || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (typeof v.$typed === 'string') return typedArray(v.$typed, v.b64);
  if (typeof v.$bytes === 'string') return fromBase64Url(v.$bytes).slice().buffer;
  if (typeof v.$number === 'string') return numberOf(v.$number);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = fromJsonSafe(x);
  return out;
}

function typedArray(name: string, b64: unknown): ArrayBufferView {
  if (!(name in TYPED) || typeof b64 !== 'string') throw new ShareError(`The file holds an unknown kind of array (${name.slice(0, 20)}).`);
  const ctor = TYPED[name as TypedName];
  const bytes = fromBase64Url(b64);
  if (bytes.length % ctor.BYTES_PER_ELEMENT !== 0) throw new ShareError(`The file holds a damaged ${name}.`);
  return new ctor(bytes.slice().buffer);
}

function numberOf(text: string): number {
  if (text === 'NaN') return NaN;
  if (text === 'Infinity') return Infinity;
  if (text === '-Infinity') return -Infinity;
  throw new ShareError(`The file holds a damaged number (${text.slice(0, 20)}).`);
}
