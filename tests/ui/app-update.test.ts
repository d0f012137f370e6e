import { describe, expect, it, vi } from 'vitest';
import { AppUpdate, UPDATE_CHECK_MS, type UpdateEnvironment } from '../../src/ui/state/app-update.svelte';
import { SKIP_WAITING } from '../../src/sw/sw-handlers';

/** A ServiceWorker stand-in whose state the test moves forward. */
class FakeWorker extends EventTarget {
  posted: unknown[] = [];
  constructor(public state: ServiceWorkerState) {
    super();
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  moveTo(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  update = vi.fn(async () => undefined);
  /** The browser found a new sw.js and starts installing it. */
  found(): FakeWorker {
    this.installing = new FakeWorker('installing');
    this.dispatchEvent(new Event('updatefound'));
    return this.installing;
  }
}

class FakeContainer extends EventTarget {
  registration = new FakeRegistration();
  register = vi.fn(async () => this.registration as unknown as ServiceWorkerRegistration);
  constructor(public controller: FakeWorker | null) {
    super();
  }
  /** A worker took control of the page. */
  controlledBy(worker: FakeWorker) {
    this.controller = worker;
    this.dispatchEvent(new Event('controllerchange'));
  }
}

function environment(container: FakeContainer | undefined, online = true) {
  const events = new EventTarget();
  const timers: [number, () => void][] = [];
  const env: UpdateEnvironment = {
    serviceWorker: container as unknown as ServiceWorkerContainer | undefined,
    events,
    isOnline: () => online,
    reload: vi.fn(),
    every: (ms, fn) => void timers.push([ms, fn]),
    scriptUrl: '/sw.js',
  };
  return { env, events, timers };
}

describe('offline support and updates, on the page', () => {
  it('first visit: registers the worker, says "works offline" once it controls the page, offers no update, never reloads', async () => {
    const container = new FakeContainer(null);
    const { env } = environment(container);
    const update = new AppUpdate();
    await update.start(env);
    expect(container.register).toHaveBeenCalledWith('/sw.js');
    expect(update.offlineReady).toBe(false);
    const worker = container.registration.found();
    worker.moveTo('installed');
    expect(update.updateReady).toBe(false);
    worker.moveTo('activated');
    container.controlledBy(worker);
    expect(update.offlineReady).toBe(true);
    expect(update.updateReady).toBe(false);
    expect(env.reload).not.toHaveBeenCalled();
  });

  it('offers a new version once it is downloaded, and switches to it only when the user accepts', async () => {
    const old = new FakeWorker('activated');
    const container = new FakeContainer(old);
    const { env } = environment(container);
    const update = new AppUpdate();
    await update.start(env);
    expect(update.offlineReady).toBe(true);
    const next = container.registration.found();
    expect(update.updateReady).toBe(false);
    next.moveTo('installed');
    container.registration.waiting = next;
    expect(update.updateReady).toBe(true);
    expect(next.posted).toEqual([]);
    update.applyUpdate();
    expect(next.posted).toEqual([{ type: SKIP_WAITING }]);
    expect(env.reload).not.toHaveBeenCalled();
    container.controlledBy(next);
    expect(env.reload).toHaveBeenCalledOnce();
  });

  it('offers a version that was already waiting when the page opened', async () => {
    const container = new FakeContainer(new FakeWorker('activated'));
    container.registration.waiting = new FakeWorker('installed');
    const update = new AppUpdate();
    await update.start(environment(container).env);
    expect(update.updateReady).toBe(true);
  });

  it('asks this page to reload when another tab switched to the new version', async () => {
    const container = new FakeContainer(new FakeWorker('activated'));
    const { env } = environment(container);
    const update = new AppUpdate();
    await update.start(env);
    container.controlledBy(new FakeWorker('activated'));
    expect(update.updateReady).toBe(true);
    expect(env.reload).not.toHaveBeenCalled();
    update.applyUpdate();
    expect(env.reload).toHaveBeenCalledOnce();
  });

  it('follows the connection, and checks for a new version when it comes back and every hour', async () => {
    const container = new FakeContainer(new FakeWorker('activated'));
    const { env, events, timers } = environment(container, false);
    const update = new AppUpdate();
    await update.start(env);
    expect(update.online).toBe(false);
    events.dispatchEvent(new Event('online'));
    expect(update.online).toBe(true);
    expect(container.registration.update).toHaveBeenCalledOnce();
    events.dispatchEvent(new Event('offline'));
    expect(update.online).toBe(false);
    expect(timers.map(([ms]) => ms)).toEqual([UPDATE_CHECK_MS]);
    timers[0][1]();
    expect(container.registration.update).toHaveBeenCalledTimes(2);
  });

  it('without service workers (development, old browsers, a refused registration) it only follows the connection', async () => {
    const none = new AppUpdate();
    await none.start(environment(undefined, false).env);
    expect([none.online, none.offlineReady, none.updateReady]).toEqual([false, false, false]);
    const container = new FakeContainer(null);
    container.register.mockRejectedValueOnce(new Error('SecurityError'));
    const refused = new AppUpdate();
    await expect(refused.start(environment(container).env)).resolves.toBeUndefined();
    expect(refused.offlineReady).toBe(false);
  });
});
