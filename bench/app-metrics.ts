// App metrics: main bundle size, time to an interactive gallery, long tasks while
// training, tensors and heap over 100 runs, and IndexedDB size after 1,000 versions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Worker } from 'playwright-core';
import type { PipelineSpec } from '../src/core/spec';
import { importRun, openApp, useBackend } from './browser-bench';
import { summarize, type Timing } from './stats';
import { withLearningRate } from './workloads';

/** Bytes the start page loads (entry script, its static imports and CSS), raw and gzipped; the worker and lazy chunks excluded. */
export function mainBundleSize(distDir: string): { files: string[]; raw: number; gzip: number } {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]);
  const files = [...new Set(refs)].filter((f) => /\.(js|css)$/.test(f));
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(path.join(distDir, f.replace(/^\.?\//, '')));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

/** Navigation start to a usable gallery (its Open buttons shown and the app state ready), in fresh contexts. */
export async function timeToGallery(browser: Browser, baseUrl: string, repeats: number): Promise<Timing> {
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(baseUrl, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => {
      const ready = (window as unknown as { pipelab?: { ready: boolean } }).pipelab?.ready;
      return ready && document.querySelector('button[aria-label="Open Iris flowers"]') ? performance.now() : null;
    });
    runs.push((await handle.jsonValue()) as number);
    await context.close();
  }
  return summarize(runs);
}

/**
 * Main-thread long tasks (over 50 ms) while the app trains `spec` through its own Run path, live
 * charts included; and, apart, those while it opens the pipeline (the editor's first render).
 * Training is watched from once the opened editor has painted (two frames and a task later):
 * the open resolves inside the task that renders the editor, which is not training's.
 */
export async function longTasksDuringTraining(page: Page, spec: PipelineSpec): Promise<{ count: number; longestMs: number; trainingMs: number; openCount: number; openLongestMs: number }> {
  return page.evaluate(async (s) => {
    const app = (window as unknown as { pipelab: { open(s: PipelineSpec): Promise<void>; run(): Promise<void> } }).pipelab;
    const watch = () => {
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push(e.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      return async () => {
        await new Promise((r) => setTimeout(r, 100)); // entries arrive after their task
        observer.disconnect();
        return tasks;
      };
    };
    const settled = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
    const opening = watch();
    await app.open(s);
    await settled();
    const openTasks = await opening();
    const training = watch();
    const t0 = performance.now();
    await app.run();
    const trainingMs = performance.now() - t0;
    const tasks = await training();
    return { count: tasks.length, longestMs: Math.max(0, ...tasks), trainingMs, openCount: openTasks.length, openLongestMs: Math.max(0, ...openTasks) };
  }, spec);
}

/** Tensors and JS heap of the engine worker before and after 100 consecutive runs of `spec` (after garbage collection). */
export async function memoryOverRuns(page: Page, spec: PipelineSpec, runs: number): Promise<{ tensorsBefore: number; tensorsAfter: number; heapBefore: number; heapAfter: number }> {
  const worker = await engineWorker(page);
  const heap = await workerHeapProbe(page);
  const probe = async () => {
    const tensors = await worker.evaluate(() => {
      const g = globalThis as unknown as { gc?: () => void; _tfengine: { state: { numTensors: number } } };
      g.gc?.();
      return g._tfengine.state.numTensors;
    });
    return { tensors, heap: await heap() };
  };
  const many = (n: number) =>
    page.evaluate(
      async ({ s, n }) => {
        const app = (window as unknown as { pipelab: { runner: { engine: { run(s: PipelineSpec, p: () => void, o: object): Promise<unknown> } } } }).pipelab;
        for (let i = 0; i < n; i++) await app.runner.engine.run(s, () => undefined, { useCache: false });
      },
      { s: spec, n },
    );
  await many(5); // warm-up: kernels compiled, caches filled
  const before = await probe();
  await many(runs);
  const after = await probe();
  return { tensorsBefore: before.tensors, tensorsAfter: after.tensors, heapBefore: before.heap, heapAfter: after.heap };
}

/** Reads the engine worker's used JS heap through the DevTools protocol (workers have no performance.memory). */
export async function workerHeapProbe(page: Page): Promise<() => Promise<number>> {
  const browser = page.context().browser();
  if (!browser) throw new Error('the page has no browser');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes('engine.worker'));
  if (!target) throw new Error('the engine worker is not among the DevTools targets');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const call = (method: string) =>
    new Promise<Record<string, number>>((resolve) => {
      const id = nextId++;
      const listener = (e: { sessionId: string; message: string }) => {
        const reply = JSON.parse(e.message) as { id?: number; result?: Record<string, number> };
        if (e.sessionId !== sessionId || reply.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget', listener);
        resolve(reply.result ?? {});
      };
      cdp.on('Target.receivedMessageFromTarget', listener);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  return async () => {
    await call('HeapProfiler.collectGarbage');
    return (await call('Runtime.getHeapUsage')).usedSize;
  };
}

async function engineWorker(page: Page): Promise<Worker> {
  for (let i = 0; i < 100; i++) {
    const w = page.workers().find((x) => x.url().includes('engine'));
    if (w) return w;
    await page.waitForTimeout(100);
  }
  throw new Error(`no engine worker among ${page.workers().map((w) => w.url()).join(', ') || 'no workers'}`);
}

/** IndexedDB growth (as the browser estimates it) after saving `count` versions of `spec`, each with another learning rate. */
export async function storageForVersions(browser: Browser, baseUrl: string, spec: PipelineSpec, count: number): Promise<{ estimateBytes: number; specJsonBytes: number }> {
  const page = await openApp(browser, baseUrl);
  await useBackend(page, 'cpu');
  const specs = Array.from({ length: count }, (_, i) => withLearningRate(spec, Number((0.001 + i * 1e-5).toFixed(6))));
  const result = await page.evaluate(
    async ({ base, specs }) => {
      const app = (window as unknown as { pipelab: { open(s: PipelineSpec): Promise<void>; workspace: { saveVersion(s: PipelineSpec, l: string): Promise<void> } } }).pipelab;
      await app.open(base);
      const usage = async () => (await navigator.storage.estimate()).usage ?? 0;
      const before = await usage();
      for (const s of specs) await app.workspace.saveVersion(s, '');
      await new Promise((r) => setTimeout(r, 1000));
      return { estimateBytes: (await usage()) - before, specJsonBytes: specs.reduce((n, s) => n + JSON.stringify(s).length, 0) };
    },
    { base: spec, specs },
  );
  await page.close();
  return result;
}

/**
 * Cancel latency, through the app's own Run and Cancel: `spec` trained for 2,000 epochs,
 * cancelled once a few epochs are shown; the time from the cancel to the run's end. (The e2e
 * tests check that a cancel lands; how fast is measured here, not asserted on a shared machine.)
 */
export async function cancelLatency(page: Page, spec: PipelineSpec): Promise<{ ms: number; status: string }> {
  const long = { ...spec, steps: spec.steps.map((s) => (s.id === 'model' ? { ...s, params: { ...s.params, epochs: 2000 } } : s)) };
  return page.evaluate(async (s) => {
    type App = { open(s: PipelineSpec): Promise<void>; run(): Promise<void>; runner: { live: { epoch: number } | null; status: string; cancel(): void } };
    const app = (window as unknown as { pipelab: App }).pipelab;
    await app.open(s);
    const running = app.run();
    while ((app.runner.live?.epoch ?? 0) < 3) await new Promise((r) => setTimeout(r, 10));
    const t0 = performance.now();
    app.runner.cancel();
    await running;
    return { ms: performance.now() - t0, status: app.runner.status };
  }, long);
}

/** The longest main-thread task while the app imports the bench's CSV (preview read, parsed and hashed in the worker, then stored). */
export async function longestTaskDuringImport(page: Page, csvMb: number): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __importTasks: number[] };
    w.__importTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__importTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  await importRun(page, csvMb);
  return page.evaluate(() => Math.max(0, ...(window as unknown as { __importTasks: number[] }).__importTasks));
}
