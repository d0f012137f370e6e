// The service worker's behaviour, with its global scope passed in (so unit tests can fake it).
// One cache per build, filled completely before the worker may take over; the active worker
// answers only from its own build's cache, so a page never mixes files of two builds.

/** What the build tells the worker: its cache name and every file of the app, relative to the scope. */
export interface Precache {
  readonly cacheName: string;
  readonly files: readonly string[];
}

/** The message a page posts to the waiting worker when the user accepts the new version. */
export const SKIP_WAITING = 'pipelab:skip-waiting';

/** Prefix of every cache pipelab creates (older builds' caches are deleted on activation). */
export const CACHE_PREFIX = 'pipelab-';

interface ExtendableEventLike {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEventLike extends ExtendableEventLike {
  readonly data: unknown;
}

/** The parts of ServiceWorkerGlobalScope the worker uses. */
export interface WorkerScope {
  readonly caches: CacheStorage;
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  fetch(request: Request): Promise<Response>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

/** Registers the install, activate, fetch and message handlers on the worker's scope. */
export function startServiceWorker(scope: WorkerScope, precache: Precache): void {
  const base = scope.registration.scope;
  const known = new Set(precache.files.map((f) => new URL(f, base).href));
  const shell = new URL('index.html', base).href;

  // Install: download the whole build (bypassing the HTTP cache) or fail, leaving the old worker in charge.
  scope.addEventListener('install', (event) => {
    event.waitUntil(
      scope.caches.open(precache.cacheName).then((cache) => cache.addAll([...known].map((url) => new Request(url, { cache: 'reload' })))),
    );
  });

  // Activate (first install, or after the user accepted the update): drop older builds, control open pages.
  scope.addEventListener('activate', (event) => {
    event.waitUntil(dropOtherCaches(scope.caches, precache.cacheName).then(() => scope.clients.claim()));
  });

  scope.addEventListener('fetch', (event) => {
    const key = cacheKey(event.request, base, known, shell);
    if (key) event.respondWith(fromCache(scope, precache.cacheName, key, event.request));
  });

  scope.addEventListener('message', (event) => {
    if ((event.data as { type?: unknown } | null)?.type === SKIP_WAITING) event.waitUntil(scope.skipWaiting());
  });
}

/**
 * The cached URL that answers a request: the file itself when it is part of the build, the app
 * shell (index.html) for any page navigation inside the scope, null for everything else (network).
 */
export function cacheKey(request: Request, base: string, known: ReadonlySet<string>, shell: string): string | null {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (!url.href.startsWith(base)) return null;
  const bare = url.origin + url.pathname;
  if (bare === base) return shell;
  if (known.has(bare)) return bare;
  return request.mode === 'navigate' ? shell : null;
}

async function fromCache(scope: WorkerScope, cacheName: string, key: string, request: Request): Promise<Response> {
  const cache = await scope.caches.open(cacheName);
  return (await cache.match(key)) ?? scope.fetch(request);
}

async function dropOtherCaches(caches: CacheStorage, keep: string): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== keep).map((n) => caches.delete(n)));
}
