import type { ProgressEvent } from '../engine/progress';

/** Events that can come hundreds a second (epochs, progress of other work); a step's start and end are not. */
function isFrequent(event: ProgressEvent): boolean {
  return event.type === 'epoch' || event.type === 'progress';
}

/** How long epoch events may wait in the worker before they go to the page together. */
export const PROGRESS_BATCH_MS = 50;

/**
 * Collects a run's progress events and sends them in batches: a step's start or end at
 * once (with the epochs before it), epochs and other progress at most every `everyMs`. A fast training
 * emits hundreds of epochs a second; one message each (plus Comlink's reply) kept the
 * page's thread busier than the run itself (measured: 100 epochs cost the iris example
 * about 50 ms of main-thread time where its whole run takes 17 ms).
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
    if (events.some(isFrequent)) lastSent = now();
    send(events);
  };
  return {
    push(event) {
      queue.push(event);
      if (!isFrequent(event) || now() - lastSent >= everyMs) flush();
    },
    flush,
  };
}
