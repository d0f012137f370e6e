import { describe, expect, it, vi } from 'vitest';
import { SKIP_WAITING, startServiceWorker, type WorkerScope } from '../../src/sw/sw-handlers';

const SCOPE = 'https://app.example/pipelab/';
const FILES = ['index.html', 'assets/index-abc.js', 'assets/tfjs-backend-wasm-x.wasm', 'datasets/iris.csv'];

/** A Cache API stand-in: one Map of URL → body per cache name. */
function fakeCaches(fetchFn: (r: Request) => Promise<Response>) {
  const stores = new Map<string, Map<string, string>>();
  const cacheOf = (name: string) => {
    const store = stores.get(name) ?? new Map<string, string>();
    stores.set(name, store);
    return {
      async addAll(requests: Request[]) {
        const bodies = await Promise.all(
          requests.map(async (r) => {
            const res = await fetchFn(r);
            if (!res.ok) throw new TypeError(`${r.url}: ${res.status}`);
            return [r.url, await res.text()] as const;
          }),
        );
        for (const [url, body] of bodies) store.set(url, body);
      },
      async match(url: string) {
        const body = store.get(url);
        return body === undefined ? undefined : new Response(body);
      },
    };
  };
  const caches = {
    open: async (name: string) => cacheOf(name),
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  } as unknown as CacheStorage;
  return { caches, stores };
}

/** A service worker scope with recorded listeners, a fake network and fake caches. */
function fakeScope(network: Record<string, string>, cacheName = 'pipelab-build-a') {
  const listeners = new Map<string, (e: unknown) => void>();
  const fetched: Request[] = [];
  const fetchFn = vi.fn(async (r: Request) => {
    fetched.push(r);
    const body = network[r.url];
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(body);
  });
  const { caches, stores } = fakeCaches(fetchFn);
  const scope = {
    caches,
    registration: { scope: SCOPE },
    clients: { claim: vi.fn(async () => undefined) },
    skipWaiting: vi.fn(async () => undefined),
    fetch: fetchFn,
    addEventListener: (type: string, fn: (e: unknown) => void) => listeners.set(type, fn),
  };
  startServiceWorker(scope as unknown as WorkerScope, { cacheName, files: FILES });
  /** Dispatches an extendable event and waits for the work it registered. */
  const dispatch = async (type: string, extra: object = {}) => {
    const work: Promise<unknown>[] = [];
    listeners.get(type)!({ ...extra, waitUntil: (p: Promise<unknown>) => work.push(p) });
    await Promise.all(work);
  };
  /** Dispatches a fetch event; resolves to the response body, or null when the worker left it to the network. */
  const request = async (url: string, init: { mode?: string; method?: string } = {}) => {
    let answer: Promise<Response> | null = null;
    const req = { url, method: init.method ?? 'GET', mode: init.mode ?? 'cors' } as Request;
    listeners.get('fetch')!({ request: req, respondWith: (r: Promise<Response>) => (answer = r) });
    return answer ? (await answer as Response).text() : null;
  };
  return { scope, stores, fetched, dispatch, request };
}

const networkA = Object.fromEntries(FILES.map((f) => [SCOPE + f, `A:${f}`]));

describe('the service worker', () => {
  it('downloads every file of the build into its own cache on install, bypassing the HTTP cache', async () => {
    const sw = fakeScope(networkA);
    await sw.dispatch('install');
    expect([...sw.stores.get('pipelab-build-a')!.keys()].sort()).toEqual(FILES.map((f) => SCOPE + f).sort());
    expect(sw.fetched.every((r) => r.cache === 'reload')).toBe(true);
    expect(sw.scope.skipWaiting).not.toHaveBeenCalled();
  });

  it('fails its install when a file is missing, so a half-downloaded build never takes over', async () => {
    const sw = fakeScope({ ...networkA, [SCOPE + 'datasets/iris.csv']: undefined as unknown as string });
    await expect(sw.dispatch('install')).rejects.toThrow(/iris\.csv: 404/);
  });

  it('on activation deletes older pipelab caches, keeps other caches, and takes control of open pages', async () => {
    const sw = fakeScope(networkA);
    await sw.scope.caches.open('pipelab-build-old');
    await sw.scope.caches.open('someone-else');
    await sw.dispatch('install');
    await sw.dispatch('activate');
    expect((await sw.scope.caches.keys()).sort()).toEqual(['pipelab-build-a', 'someone-else']);
    expect(sw.scope.clients.claim).toHaveBeenCalledOnce();
  });

  it('answers files of its build from its cache, even after the server moved on to another build', async () => {
    const network = { ...networkA };
    const sw = fakeScope(network);
    await sw.dispatch('install');
    for (const f of FILES) network[SCOPE + f] = `B:${f}`;
    expect(await sw.request(SCOPE + 'assets/index-abc.js')).toBe('A:assets/index-abc.js');
    expect(await sw.request(SCOPE + 'datasets/iris.csv?v=1')).toBe('A:datasets/iris.csv');
    expect(await sw.request(SCOPE + 'index.html')).toBe('A:index.html');
  });

  it('serves the app shell for every page navigation inside its scope (share links included)', async () => {
    const sw = fakeScope(networkA);
    await sw.dispatch('install');
    expect(await sw.request(SCOPE, { mode: 'navigate' })).toBe('A:index.html');
    expect(await sw.request(SCOPE + '?x=1', { mode: 'navigate' })).toBe('A:index.html');
    expect(await sw.request(SCOPE + 'some/page', { mode: 'navigate' })).toBe('A:index.html');
  });

  it('leaves other requests to the network: unknown files, other origins, writes', async () => {
    const sw = fakeScope(networkA);
    await sw.dispatch('install');
    expect(await sw.request(SCOPE + 'assets/not-in-build.js')).toBeNull();
    expect(await sw.request('https://elsewhere.example/pipelab/index.html', { mode: 'navigate' })).toBeNull();
    expect(await sw.request('https://app.example/other-app/', { mode: 'navigate' })).toBeNull();
    expect(await sw.request(SCOPE + 'index.html', { method: 'POST' })).toBeNull();
  });

  it('falls back to the network when its cache lost a file', async () => {
    const sw = fakeScope(networkA);
    expect(await sw.request(SCOPE + 'datasets/iris.csv')).toBe('A:datasets/iris.csv');
  });

  it('takes over only when a page asks it to (the user accepted the new version)', async () => {
    const sw = fakeScope(networkA);
    await sw.dispatch('message', { data: { type: 'something else' } });
    await sw.dispatch('message', { data: null });
    expect(sw.scope.skipWaiting).not.toHaveBeenCalled();
    await sw.dispatch('message', { data: { type: SKIP_WAITING } });
    expect(sw.scope.skipWaiting).toHaveBeenCalledOnce();
  });
});
