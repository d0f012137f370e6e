import { ShareError } from './share-error';

/** Compresses bytes with raw DEFLATE (CompressionStream, in browsers and Node alike). */
export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  return collect(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw')), Infinity);
}

/**
 * Decompresses raw DEFLATE, refusing to produce more than `maxBytes` (a tiny
 * hostile input must not inflate into gigabytes). Corrupt or truncated input is a ShareError.
 */
export async function inflate(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  try {
    return await collect(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')), maxBytes);
  } catch (err) {
    if (err instanceof ShareError) throw err;
    throw new ShareError('The link is truncated or damaged, so it cannot be unpacked. Copy the whole link again.');
  }
}

async function collect(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ShareError(`The shared data unpacks to more than ${Math.round(maxBytes / 1e6)} MB, which pipelab does not accept.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
