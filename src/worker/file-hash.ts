import { sha256Hex } from '../core/hash';

/** What the engine's worker asks the side hashing worker: the SHA-256 of a Blob's bytes. */
export interface FileHashRequest {
  readonly id: number;
  readonly blob: Blob;
}

/** The side worker's answer: the hex digest, or why reading or hashing failed. */
export type FileHashReply = { readonly id: number; readonly hash: string } | { readonly id: number; readonly error: string };

/** Starts the side worker (set by the engine's worker; none in Node, where files are hashed in place). */
let startSideWorker: (() => Worker) | null = null;
let side: { worker: Worker; waiting: Map<number, (reply: FileHashReply | null) => void> } | null = null;
let nextId = 0;

/** Lets files be hashed on a side worker that `start` creates (once, on the first file). */
export function hashFilesAside(start: (() => Worker) | null): void {
  if (side) stopSideWorker(side);
  startSideWorker = start;
}

/** Stops the side worker; what it was asked is hashed in place. */
function stopSideWorker(running: NonNullable<typeof side>): void {
  running.worker.terminate();
  for (const resolve of running.waiting.values()) resolve(null);
  running.waiting.clear();
  side = null;
}

/**
 * SHA-256 (hex) of a file's bytes, `blob` being the file (or its slice) and `bytes` the
 * same bytes already read. Where a side worker can be started it reads and hashes the
 * Blob itself, so this thread goes on parsing meanwhile (a File is a snapshot: the side
 * worker reads the very bytes read here, or its read fails); where it cannot, or fails,
 * `bytes` are hashed here, as they would have been without it.
 */
export async function sha256OfFile(blob: Blob, bytes: Uint8Array): Promise<string> {
  const reply = await askSideWorker(blob);
  return reply && 'hash' in reply ? reply.hash : sha256Hex(bytes);
}

/** The side worker's reply, or null when there is no side worker or it stopped. */
function askSideWorker(blob: Blob): Promise<FileHashReply | null> {
  const running = sideWorker();
  if (!running) return Promise.resolve(null);
  const id = ++nextId;
  return new Promise((resolve) => {
    running.waiting.set(id, resolve);
    running.worker.postMessage({ id, blob } satisfies FileHashRequest);
  });
}

function sideWorker(): typeof side {
  if (side || !startSideWorker) return side;
  let worker: Worker;
  try {
    worker = startSideWorker();
  } catch {
    startSideWorker = null; // workers cannot be started here: hash in place from now on
    return null;
  }
  const running = { worker, waiting: new Map<number, (reply: FileHashReply | null) => void>() };
  worker.onmessage = (event: MessageEvent<FileHashReply>) => {
    running.waiting.get(event.data.id)?.(event.data);
    running.waiting.delete(event.data.id);
  };
  worker.onerror = () => {
    // The side worker failed to load or crashed: what it was asked is hashed in place, and so is every later file.
    stopSideWorker(running);
    startSideWorker = null;
  };
  side = running;
  return side;
}
