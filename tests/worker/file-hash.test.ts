// An imported file's hash: where the side worker cannot help (none in Node, it cannot start, it
// crashes or cannot read the file) the bytes already read are hashed in place, so the preview
// always gets the SHA-256 of the file's text. The side worker itself hashes in real Chromium
// (tests/e2e/integrity.e2e.ts checks that hash against Node's).
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { hashFilesAside, sha256OfFile, type FileHashReply, type FileHashRequest } from '../../src/worker/file-hash';

const BYTES = new TextEncoder().encode('a,b,label\n1,2,yes\n3,4,no\n');
const EXPECTED = createHash('sha256').update(BYTES).digest('hex');

/** A side worker that fails as a real one can: `crash` fires its error event, `refuse` answers each file with an error. */
function failingWorker(mode: 'crash' | 'refuse') {
  const seen: FileHashRequest[] = [];
  const worker = {
    onmessage: null as ((e: MessageEvent<FileHashReply>) => void) | null,
    onerror: null as ((e: Event) => void) | null,
    terminated: false,
    postMessage(request: FileHashRequest) {
      seen.push(request);
      queueMicrotask(() => {
        if (mode === 'crash') worker.onerror?.(new Event('error'));
        else worker.onmessage?.({ data: { id: request.id, error: 'The file could not be read.' } } as MessageEvent<FileHashReply>);
      });
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return { worker, seen };
}

afterEach(() => hashFilesAside(null));

describe('sha256OfFile', () => {
  it('hashes the bytes in place where no side worker is set (Node)', async () => {
    expect(await sha256OfFile(new Blob([BYTES]), BYTES)).toBe(EXPECTED);
  });

  it('hashes in place, and stops trying, where the side worker cannot be started', async () => {
    let starts = 0;
    hashFilesAside(() => {
      starts++;
      throw new Error('workers are not allowed here');
    });
    expect(await sha256OfFile(new Blob([BYTES]), BYTES)).toBe(EXPECTED);
    expect(await sha256OfFile(new Blob([BYTES]), BYTES)).toBe(EXPECTED);
    expect(starts).toBe(1);
  });

  it('answers the file it was hashing when the side worker crashes, and hashes later files in place', async () => {
    const { worker, seen } = failingWorker('crash');
    hashFilesAside(() => worker as unknown as Worker);
    expect(await sha256OfFile(new Blob([BYTES]), BYTES)).toBe(EXPECTED);
    expect(seen).toHaveLength(1);
    expect(worker.terminated).toBe(true);
    expect(await sha256OfFile(new Blob([BYTES]), BYTES)).toBe(EXPECTED);
    expect(seen).toHaveLength(1); // not asked again
  });

  it('hashes in place the file the side worker could not read, and keeps it for the next file', async () => {
    const { worker, seen } = failingWorker('refuse');
    hashFilesAside(() => worker as unknown as Worker);
    expect(await sha256OfFile(new Blob([BYTES]), BYTES)).toBe(EXPECTED);
    expect(await sha256OfFile(new Blob([BYTES]), BYTES)).toBe(EXPECTED);
    expect(seen.map((r) => r.id)).toHaveLength(2);
    expect(worker.terminated).toBe(false);
  });
});
