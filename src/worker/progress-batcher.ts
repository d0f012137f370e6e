import type { ProgressEvent } from '../engine/progress';

/** Events that can come hundreds a second (epochs, progress of other work); a step's start and end are not. */
function isFrequent(event: ProgressEvent): boolean {
  return event.type === 'epoch' || event.type === 'progress';
}

/** How long epoch events may wait in the worker before they go to the page together. */
export const PROGRESS_BATCH_MS = 50;

/**
 * Collects a run's progress events and sends them in batches. A step's start goes at once
 * (with everything before it); a step's end waits for the next step's start or the run's last
 * batch, a moment later (the engine starts the next step right away), so a run of quick steps
 * costs one message per step rather than two; epochs and other progress go at most every
 * `everyMs` after the last batch; anything else (a live boundary) goes at once. Each batch
 * through Comlink is a call the page answers: one message per epoch kept the page's thread
 * busier than the run itself (measured: 100 epochs cost the iris example about 50 ms of
 * main-thread time where its whole run takes 17 ms), and on an L-BFGS run of a few
 * milliseconds the messages were a fifth of the worker's time.
 */
export function batchProgress(
  send: (events: readonly ProgressEvent[]) => void,
  everyMs = PROGRESS_BATCH_MS,
  now = () => performance.now(),
): { push(event: ProgressEvent): void; flush(): void } {
  let queue: ProgressEvent[] = [];
  let lastSent = -Infinity;
  const flush = () => {
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    lastSent = now();
    send(events);
  };
  return {
    push(event) {
      queue.push(event);
      const waits = event.type === 'step-end' || (isFrequent(event) && now() - lastSent < everyMs);
      if (!waits) flush();
    },
    flush,
  };
}
