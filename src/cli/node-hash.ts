import { createHash } from 'node:crypto';
import { useHostSha256 } from '../core/hash';

/** SHA-256 through Node's crypto module: synchronous, so no trip to the thread pool per hash. */
export function nodeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Makes every pipelab hash in this Node process use nodeSha256 (same digests as WebCrypto). */
export function useNodeSha256(): void {
  useHostSha256(nodeSha256);
}
