// The state of a training replay's scrubber: the current epoch, play / pause, step and speed.
// Pure UI state over a list of snapshot epochs; it draws nothing and trains nothing.

/** The timer functions a replay uses (the browser's by default; tests pass fakes or use fake timers). */
export interface ReplayTimers {
  readonly setInterval: (fn: () => void, ms: number) => unknown;
  readonly clearInterval: (id: unknown) => void;
}

/** Epochs advanced per tick, as offered in the speed menu. */
export const REPLAY_SPEEDS: readonly number[] = [1, 2, 5, 10, 50];
/** Milliseconds between two ticks while playing. */
export const TICK_MS = 100;

const browserTimers: ReplayTimers = {
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (id) => globalThis.clearInterval(id as ReturnType<typeof setInterval>),
};

/** Scrubs, plays and steps through epochs 1…totalEpochs; `snapshotIndex` says which recorded snapshot to show. */
export class ReplayState {
  /** The epoch shown (1-based). */
  epoch = $state(1);
  playing = $state(false);
  /** Epochs advanced per tick. */
  speed = $state(1);
  private timer: unknown = null;

  constructor(
    readonly totalEpochs: number,
    readonly snapshots: readonly number[],
    private readonly timers: ReplayTimers = browserTimers,
  ) {
    if (!(totalEpochs >= 1)) throw new Error(`A replay needs at least one epoch; got ${totalEpochs}.`);
  }

  /** The snapshot to draw: the last one recorded at or before the current epoch. */
  get snapshotIndex(): number {
    return lastAtOrBefore(this.snapshots, this.epoch);
  }

  /** Moves to an epoch (clamped to 1…totalEpochs). */
  seek(epoch: number): void {
    this.epoch = Math.min(this.totalEpochs, Math.max(1, Math.round(epoch)));
  }

  /** Steps one epoch forward (or back with -1) and pauses. */
  step(direction: 1 | -1 = 1): void {
    this.pause();
    this.seek(this.epoch + direction);
  }

  /** Starts playing from the current epoch (from the first when at the end). */
  play(): void {
    if (this.playing) return;
    if (this.epoch >= this.totalEpochs) this.epoch = 1;
    this.playing = true;
    this.timer = this.timers.setInterval(() => this.tick(), TICK_MS);
  }

  /** Stops playing, keeping the current epoch. */
  pause(): void {
    if (this.timer !== null) this.timers.clearInterval(this.timer);
    this.timer = null;
    this.playing = false;
  }

  /** Play when paused, pause when playing. */
  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Sets how many epochs one tick advances (at least 1). */
  setSpeed(epochsPerTick: number): void {
    this.speed = Math.max(1, Math.round(epochsPerTick));
  }

  /** Stops the timer for good (call when the view goes away). */
  dispose(): void {
    this.pause();
  }

  private tick(): void {
    this.seek(this.epoch + this.speed);
    if (this.epoch >= this.totalEpochs) this.pause();
  }
}

/** Index of the last entry of ascending `epochs` that is ≤ `epoch` (0 when none is). */
export function lastAtOrBefore(epochs: readonly number[], epoch: number): number {
  let lo = 0;
  let hi = epochs.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (epochs[mid] <= epoch) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
