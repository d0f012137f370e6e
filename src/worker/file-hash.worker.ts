/// <reference lib="webworker" />
// The side worker that hashes an imported file's bytes (WebCrypto's digest holds the thread that
// calls it, about 70 ms for 50 MB) while the engine's worker decodes and parses the same file.
import { sha256Hex } from '../core/hash';
import type { FileHashReply, FileHashRequest } from './file-hash';

self.onmessage = async (event: MessageEvent<FileHashRequest>) => {
  const { id, blob } = event.data;
  let reply: FileHashReply;
  try {
    reply = { id, hash: await sha256Hex(new Uint8Array(await blob.arrayBuffer())) };
  } catch (err) {
    reply = { id, error: (err as Error)?.message ?? String(err) };
  }
  self.postMessage(reply);
};
