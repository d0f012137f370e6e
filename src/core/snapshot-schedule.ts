// Which epochs a training replay keeps a snapshot of: about 30, dense early (where the
// boundary changes fastest) and sparse late, always the first and the last epoch.

/** How many snapshots a replay keeps by default. */
export const DEFAULT_SNAPSHOTS = 30;

/**
 * The epochs (1-based, strictly ascending) to snapshot in a run of `totalEpochs`:
 * every epoch when there are at most `count`, otherwise `count` epochs spaced
 * quadratically (gaps grow with the epoch), starting at 1 and ending at `totalEpochs`.
 */
export function snapshotEpochs(totalEpochs: number, count = DEFAULT_SNAPSHOTS): number[] {
  const total = Math.floor(totalEpochs);
  if (!Number.isFinite(total) || total < 1) return [];
  const n = Math.max(2, Math.floor(count));
  if (total <= n) return Array.from({ length: total }, (_, i) => i + 1);
  const out = Array.from({ length: n }, (_, i) => 1 + Math.round((total - 1) * (i / (n - 1)) ** 2));
  // Rounding can repeat an early epoch: push repeats forward, then pull overshoots back from the end.
  for (let i = 1; i < n; i++) out[i] = Math.max(out[i], out[i - 1] + 1);
  out[n - 1] = total;
  for (let i = n - 2; i >= 0; i--) out[i] = Math.min(out[i], out[i + 1] - 1);
  return out;
}
