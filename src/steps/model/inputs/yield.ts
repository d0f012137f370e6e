// Yielding to the event loop during training, without the minimum delay of nested timers.

/** How much training time passes between two yields to the event loop. */
export const YIELD_EVERY_MS = 16;

/**
 * Resolves after one turn of the event loop, so queued messages (a cancel, a
 * progress reply) are handled. A message channel is used where there is one:
 * browsers clamp nested `setTimeout(0)` to 4 ms, which would cost more than a
 * short epoch itself.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
