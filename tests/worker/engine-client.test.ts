// The main thread's engine client: calls made while the app is still starting its worker (a file
// picked the moment the page shows) or while the worker is being replaced (another backend chosen)
// wait for the worker that will answer, instead of failing or hanging.
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/worker/engine-client';

/** A stand-in worker over a MessageChannel whose engine answers `whereAmI` with its name, after `initMs`. */
function fakeWorker(name: string, initMs: number): Worker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(
    {
      init: (choice: string) => new Promise((resolve) => setTimeout(() => resolve({ name: choice, floatPrecision: 32, tried: [] }), initMs)),
      whereAmI: () => name,
    },
    port2,
  );
  return Object.assign(port1, { terminate: () => { port1.close(); port2.close(); } }) as unknown as Worker;
}

function workers(...initMs: number[]): () => Worker {
  let made = 0;
  return () => {
    const i = made++;
    return fakeWorker(`worker ${i + 1}`, initMs[i] ?? 0);
  };
}

describe('EngineClient', () => {
  it('a call made before the first start waits for it instead of failing', async () => {
    const client = new EngineClient(workers(5));
    const early = client.whereAmI();
    await new Promise((r) => setTimeout(r, 20));
    void client.start('cpu');
    expect(await early).toBe('worker 1');
    client.stop();
  });

  it('a call made while the worker is replaced is answered by the new worker', async () => {
    const client = new EngineClient(workers(30, 5));
    void client.start('cpu').catch(() => undefined);
    const during = client.whereAmI();
    await new Promise((r) => setTimeout(r, 5));
    await client.start('wasm');
    expect(await during).toBe('worker 2');
    client.stop();
  });
});
