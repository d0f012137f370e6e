import { createHash } from 'node:crypto';
import { useHostSha256 } from '../core/hash';

/**
 * SHA-256 of the concatenated parts through Node's crypto module: synchronous, so no
 * trip to the thread pool per hash, and the parts need not be copied into one buffer.
 */
export function nodeSha256(parts: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** Makes every pipelab hash in this Node process use nodeSha256 (same digests as WebCrypto). */
export function useNodeSha256(): void {
  useHostSha256(nodeSha256);
}
