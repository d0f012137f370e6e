// The main thread's engine client: calls made while the app is still starting its worker (a file
// picked the moment the page shows) or while the worker is being replaced (another backend chosen)
// wait for the worker that will answer, instead of failing or hanging.
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/worker/engine-client';

/** A stand-in worker over a MessageChannel whose engine answers `whereAmI` with its name once `initialised` settles. */
function fakeWorker(name: string, initialised: Promise<void>): Worker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(
    {
      init: async (choice: string) => {
        await initialised;
        return { name: choice, floatPrecision: 32, tried: [] };
      },
      whereAmI: () => name,
    },
    port2,
  );
  return Object.assign(port1, { terminate: () => { port1.close(); port2.close(); } }) as unknown as Worker;
}

/** Workers whose init finishes only when the test says so (no clock: the order of events is the test's). */
function workers(count: number): { make: () => Worker; finishInit: ((() => void) | undefined)[] } {
  const finishInit: ((() => void) | undefined)[] = [];
  const gates = Array.from({ length: count }, (_, i) => new Promise<void>((resolve) => (finishInit[i] = resolve)));
  let made = 0;
  return {
    make: () => {
      const i = made++;
      return fakeWorker(`worker ${i + 1}`, gates[i]);
    },
    finishInit,
  };
}

/** Lets every queued message and promise job run (a MessageChannel round trip). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('EngineClient', () => {
  it('a call made before the first start waits for it instead of failing', async () => {
    const w = workers(1);
    const client = new EngineClient(w.make);
    let answered: string | Error | null = null;
    const early = client.call('whereAmI').then((a) => (answered = a), (e: Error) => (answered = e));
    await settle();
    expect(answered).toBeNull(); // still waiting, not failed
    void client.start('cpu');
    w.finishInit[0]?.();
    await early;
    expect(answered).toBe('worker 1');
    client.stop();
  });

  it('a call made while the worker is replaced is answered by the new worker', async () => {
    const w = workers(2);
    const client = new EngineClient(w.make);
    void client.start('cpu').catch(() => undefined); // worker 1 never finishes its init
    const during = client.call('whereAmI');
    await settle();
    const second = client.start('wasm');
    w.finishInit[1]?.();
    await second;
    expect(await during).toBe('worker 2');
    client.stop();
  });
});
