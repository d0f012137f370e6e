import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReplayState, TICK_MS, lastAtOrBefore } from '../../src/ui/state/replay.svelte';

describe('ReplayState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts at epoch 1 and steps one epoch at a time, clamped to the run', () => {
    const r = new ReplayState(10, [1, 2, 4, 10]);
    expect(r.epoch).toBe(1);
    r.step();
    expect(r.epoch).toBe(2);
    r.step(-1);
    r.step(-1);
    expect(r.epoch).toBe(1);
    r.seek(99);
    expect(r.epoch).toBe(10);
    r.step();
    expect(r.epoch).toBe(10);
  });

  it('shows the last snapshot at or before the current epoch', () => {
    const r = new ReplayState(10, [1, 2, 4, 10]);
    r.seek(3);
    expect(r.snapshotIndex).toBe(1);
    r.seek(9);
    expect(r.snapshotIndex).toBe(2);
    r.seek(10);
    expect(r.snapshotIndex).toBe(3);
  });

  it('plays tick by tick at its speed, pauses at the end and restarts from the first epoch', () => {
    const r = new ReplayState(10, [1, 10]);
    r.play();
    expect(r.playing).toBe(true);
    vi.advanceTimersByTime(TICK_MS * 3);
    expect(r.epoch).toBe(4);
    r.setSpeed(5);
    vi.advanceTimersByTime(TICK_MS);
    expect(r.epoch).toBe(9);
    vi.advanceTimersByTime(TICK_MS * 5);
    expect(r.epoch).toBe(10);
    expect(r.playing).toBe(false);
    r.play();
    expect(r.epoch).toBe(1);
    r.dispose();
  });

  it('pause keeps the epoch; stepping pauses; toggle switches', () => {
    const r = new ReplayState(100, [1, 100]);
    r.toggle();
    vi.advanceTimersByTime(TICK_MS * 2);
    r.toggle();
    expect(r.playing).toBe(false);
    vi.advanceTimersByTime(TICK_MS * 10);
    expect(r.epoch).toBe(3);
    r.play();
    r.step();
    expect(r.playing).toBe(false);
    expect(r.epoch).toBe(4);
    vi.advanceTimersByTime(TICK_MS * 10);
    expect(r.epoch).toBe(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses a run without epochs', () => {
    expect(() => new ReplayState(0, [])).toThrow(/at least one epoch/);
  });

  it('lastAtOrBefore finds the index by binary search', () => {
    expect(lastAtOrBefore([1, 3, 7], 0)).toBe(0);
    expect(lastAtOrBefore([1, 3, 7], 6)).toBe(1);
    expect(lastAtOrBefore([1, 3, 7], 7)).toBe(2);
  });
});
