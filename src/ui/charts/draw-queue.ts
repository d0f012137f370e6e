// One figure drawn per task: when a run ends (or a live update arrives) several charts redraw
// at once, and drawn together they made one main-thread task of 100 ms and more (the page could
// not answer a click meanwhile). Queued, each is its own short task, in the order asked.

type Draw = () => void;

const queue: Draw[] = [];
let scheduled = false;

/** The next task: a MessageChannel message runs as soon as the thread is free (setTimeout may be clamped). */
const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
if (channel) channel.port1.onmessage = drawNext;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (channel) channel.port2.postMessage(null);
  else setTimeout(drawNext, 0);
}

function drawNext(): void {
  scheduled = false;
  const draw = queue.shift();
  if (queue.length > 0) schedule();
  draw?.();
}

/** Draws a figure in a task of its own after those asked before; returns a cancel (a figure replaced before it was drawn is never drawn). */
export function drawSoon(draw: Draw): () => void {
  queue.push(draw);
  schedule();
  return () => {
    const at = queue.indexOf(draw);
    if (at >= 0) queue.splice(at, 1);
  };
}
