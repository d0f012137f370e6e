// Dev check (`npx vite build --minify false && npx tsx bench/worker-profile.ts [workload] [runs]`,
// defaults cancer-lbfgs 200): CPU profiles of the app's engine worker and of the page while the
// page runs one bench workload `runs` times (cold runs, cpu backend), written to
// /tmp/worker-WORKLOAD.cpuprofile and /tmp/page-WORKLOAD.cpuprofile (open them in Chrome's
// DevTools, Performance panel). The worker is profiled through the browser's CDP session
// (Target.attachToTarget), which Playwright's page sessions do not reach.
import { writeFileSync } from 'node:fs';
import { preview } from 'vite';
import type { PipelineSpec } from '../src/core/spec';
import { launchChromium, openApp, useBackend } from './browser-bench';
import { workloads } from './workloads';

const id = process.argv[2] ?? 'cancer-lbfgs';
const count = Number(process.argv[3] ?? 200);
const workload = workloads(false).find((w) => w.id === id);
if (!workload) throw new Error(`No workload "${id}"; bench/workloads.ts has ${workloads(false).map((w) => w.id).join(', ')}.`);

type Engine = { run(spec: PipelineSpec, onProgress: () => void, o: { useCache: boolean }): Promise<unknown> };
type Cdp = { send(method: string, params?: object): Promise<unknown>; on(event: string, f: (e: { message: string }) => void): void };

const server = await preview({ preview: { port: 4497, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await launchChromium();
try {
  const page = await openApp(browser, server.resolvedUrls!.local[0]);
  await useBackend(page, 'cpu');
  const runs = (n: number) =>
    page.evaluate(async ({ spec, n }) => {
      const engine = (window as unknown as { pipelab: { runner: { engine: Engine } } }).pipelab.runner.engine;
      for (let i = 0; i < n; i++) await engine.run(spec, () => undefined, { useCache: false });
    }, { spec: workload.spec, n });
  await runs(10); // warm-up
  const cdp = (await browser.newBrowserCDPSession()) as unknown as Cdp;
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; targetId: string }[] };
  const worker = targetInfos.find((t) => t.type === 'worker');
  if (!worker) throw new Error('The engine worker was not found among the browser targets.');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const pending = new Map<number, (v: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
    if (m.id !== undefined) pending.get(m.id)?.(m.result ?? m.error);
  });
  const inWorker = (method: string, params: object = {}) =>
    new Promise<{ profile?: unknown }>((resolve) => {
      const mid = nextId++;
      pending.set(mid, resolve as (v: unknown) => void);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mid, method, params }) });
    });
  const onPage = await page.context().newCDPSession(page);
  for (const send of [(m: string, p?: object) => onPage.send(m as 'Profiler.enable', p), inWorker]) {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 100 });
    await send('Profiler.start');
  }
  const t0 = performance.now();
  await runs(count);
  console.log(`${id}: ${((performance.now() - t0) / count).toFixed(2)} ms per run as the page sees it (profilers on)`);
  writeFileSync(`/tmp/worker-${id}.cpuprofile`, JSON.stringify((await inWorker('Profiler.stop')).profile));
  writeFileSync(`/tmp/page-${id}.cpuprofile`, JSON.stringify((await onPage.send('Profiler.stop')).profile));
  console.log(`profiles: /tmp/worker-${id}.cpuprofile, /tmp/page-${id}.cpuprofile`);
} finally {
  await browser.close();
  await server.close();
}
