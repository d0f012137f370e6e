import { describe, expect, it } from 'vitest';
import { snapshotEpochs } from '../../src/core/snapshot-schedule';

describe('snapshotEpochs', () => {
  it('keeps every epoch of a short run', () => {
    expect(snapshotEpochs(5)).toEqual([1, 2, 3, 4, 5]);
    expect(snapshotEpochs(30)).toHaveLength(30);
  });

  it('keeps about 30 epochs of a long run, first and last included, strictly ascending', () => {
    for (const total of [31, 37, 100, 500, 2000, 100000]) {
      const s = snapshotEpochs(total);
      expect(s).toHaveLength(30);
      expect(s[0]).toBe(1);
      expect(s[s.length - 1]).toBe(total);
      for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
    }
  });

  it('is dense early: half the snapshots fall in the first third of the epochs', () => {
    for (const total of [100, 2000]) {
      const s = snapshotEpochs(total);
      expect(s[14]).toBeLessThan(total / 3);
      expect(s[1] - s[0]).toBeLessThan(s[29] - s[28]);
    }
  });

  it('honours another count and returns nothing for no epochs', () => {
    expect(snapshotEpochs(1000, 5)).toEqual([1, 63, 251, 563, 1000]);
    expect(snapshotEpochs(0)).toEqual([]);
    expect(snapshotEpochs(Number.NaN)).toEqual([]);
    expect(snapshotEpochs(1)).toEqual([1]);
  });
});
