import { describe, expect, it } from 'vitest';
import type { StoredRun } from '../../src/storage/records';
import { headlineByVersion } from '../../src/ui/history/version-metrics';

function run(id: string, versionHash: string, createdAt: number, metrics: Record<string, number>): StoredRun {
  return { id, versionHash, createdAt, summary: { metrics } } as unknown as StoredRun;
}

describe('the headline metric of each version', () => {
  it('is the first metric of the latest run of that version', () => {
    const runs = [
      run('a', 'v1', 1, { accuracy: 0.9, f1: 0.8 }),
      run('b', 'v1', 3, { accuracy: 0.95, f1: 0.9 }),
      run('c', 'v2', 2, { r2: 0.4512, rmse: 50 }),
      run('d', 'v3', 4, {}),
    ];
    const h = headlineByVersion(runs);
    expect(h.get('v1')?.text).toMatch(/^Accuracy 95\.0%$/);
    expect(h.get('v1')?.runNumber).toBe(3);
    expect(h.get('v2')?.text).toMatch(/0\.451$/);
    expect(h.has('v3')).toBe(false);
  });
});
