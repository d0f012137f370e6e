// The page's side of offline support: registers the service worker, tells whether the app
// works offline (and whether the browser is offline now), and offers a new version when one
// has been downloaded. The new worker takes over only when the user accepts, and the page
// reloads at once, so a page never runs with files of two builds.
import { SKIP_WAITING } from '../../sw/sw-handlers';

/** How often an open page asks the server whether a new version was deployed. */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** The browser globals the update logic uses (passed in, so tests can fake them). */
export interface UpdateEnvironment {
  /** navigator.serviceWorker; undefined where service workers are unavailable (or in development). */
  readonly serviceWorker: ServiceWorkerContainer | undefined;
  /** Where online/offline events arrive (window). */
  readonly events: Pick<EventTarget, 'addEventListener'>;
  readonly isOnline: () => boolean;
  readonly reload: () => void;
  /** Calls fn every ms milliseconds. */
  readonly every: (ms: number, fn: () => void) => void;
  /** URL of the service worker script (BASE_URL + sw.js). */
  readonly scriptUrl: string;
}

/** Offline and update state, for the header badge and the update banner. */
export class AppUpdate {
  /** Whether the browser says it is online. */
  online = $state(true);
  /** Whether a service worker controls the page, i.e. the whole app is cached and works offline. */
  offlineReady = $state(false);
  /** Whether a newer version is ready: reloading shows it. */
  updateReady = $state(false);
  private registration: ServiceWorkerRegistration | null = null;
  private accepted = false;
  private env: UpdateEnvironment | null = null;

  /** Starts watching the connection and registers the service worker. */
  async start(env: UpdateEnvironment): Promise<void> {
    this.env = env;
    this.online = env.isOnline();
    env.events.addEventListener('offline', () => (this.online = false));
    env.events.addEventListener('online', () => {
      this.online = true;
      void this.check();
    });
    const container = env.serviceWorker;
    if (!container) return;
    this.offlineReady = Boolean(container.controller);
    container.addEventListener('controllerchange', () => this.onControllerChange());
    try {
      this.registration = await container.register(env.scriptUrl);
    } catch {
      return; // No offline support (e.g. a private window that forbids it); the app works online as before.
    }
    this.watch(this.registration);
    env.every(UPDATE_CHECK_MS, () => void this.check());
  }

  /** Asks the server for a newer service worker (it downloads in the background; the banner offers it once ready). */
  async check(): Promise<void> {
    await this.registration?.update().catch(() => undefined);
  }

  /** The user accepted the new version: let the waiting worker take over, then reload (on controllerchange). */
  applyUpdate(): void {
    const waiting = this.registration?.waiting;
    if (!waiting) {
      this.env?.reload(); // Another tab already switched to the new version: only this page is old.
      return;
    }
    this.accepted = true;
    waiting.postMessage({ type: SKIP_WAITING });
  }

  private watch(registration: ServiceWorkerRegistration): void {
    const noteInstalled = (worker: ServiceWorker | null) => {
      if (!worker) return;
      const update = () => {
        if (worker.state === 'installed' && this.env?.serviceWorker?.controller) this.updateReady = true;
      };
      update();
      worker.addEventListener('statechange', update);
    };
    noteInstalled(registration.waiting);
    noteInstalled(registration.installing);
    registration.addEventListener('updatefound', () => noteInstalled(registration.installing));
  }

  private onControllerChange(): void {
    if (this.accepted) {
      this.env?.reload();
      return;
    }
    // First install: the worker now controls the page. Otherwise another tab accepted an update.
    if (this.offlineReady) this.updateReady = true;
    this.offlineReady = true;
  }
}
