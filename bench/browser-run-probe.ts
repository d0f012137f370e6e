// Dev check (`npx vite build && npx tsx bench/browser-run-probe.ts [workloads] [repeats] [backend]`,
// defaults iris-lbfgs,cancer-lbfgs,penguins-lbfgs  60  cpu): where a whole run's time goes in
// Chromium's engine worker. Each run is the bench's cold run (window.pipelab's engine, no cache);
// it prints, per workload, the median and 10th percentile of the page's time, of the worker's
// runPipeline (record.timings.totalMs) and the difference (view building, transfer, progress),
// and each step's median (a step's time includes hashing its output).
import { preview } from 'vite';
import type { Page } from 'playwright-core';
import type { PipelineSpec } from '../src/core/spec';
import { launchChromium, openApp, useBackend } from './browser-bench';
import { workloads } from './workloads';

const ids = (process.argv[2] ?? 'iris-lbfgs,cancer-lbfgs,penguins-lbfgs').split(',');
const repeats = Number(process.argv[3] ?? 60);
const backend = process.argv[4] ?? 'cpu';
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)];

interface Sample {
  pageMs: number;
  runMs: number;
  steps: Record<string, number>;
}

function sample(page: Page, spec: PipelineSpec): Promise<Sample> {
  return page.evaluate(async (s) => {
    type Engine = { run(spec: unknown, p: () => void, o: { useCache: boolean }): Promise<{ record: { status: string; timings: { totalMs: number }; steps: { id: string; ms: number }[] } }> };
    const app = (window as unknown as { pipelab: { runner: { engine: Engine } } }).pipelab;
    const t0 = performance.now();
    const view = await app.runner.engine.run(s, () => undefined, { useCache: false });
    const pageMs = performance.now() - t0;
    if (view.record.status !== 'done') throw new Error(`${s.name}: ${view.record.status}`);
    return { pageMs, runMs: view.record.timings.totalMs, steps: Object.fromEntries(view.record.steps.map((st) => [st.id, st.ms])) };
  }, spec);
}

const server = await preview({ preview: { port: 4498, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await launchChromium();
try {
  const page = await openApp(browser, server.resolvedUrls!.local[0]);
  console.log(`chromium ${await useBackend(page, backend)}, ${repeats} timed runs after 5 untimed (median / p10, ms)`);
  for (const w of workloads(false).filter((x) => ids.includes(x.id))) {
    const samples: Sample[] = [];
    for (let i = -5; i < repeats; i++) {
      const s = await sample(page, w.spec);
      if (i >= 0) samples.push(s);
    }
    const fmt = (v: number[]) => `${quantile(v, 0.5).toFixed(2)} / ${quantile(v, 0.1).toFixed(2)}`;
    const stepIds = Object.keys(samples[0].steps);
    const perStep = stepIds.map((id) => `${id} ${quantile(samples.map((s) => s.steps[id]), 0.5).toFixed(2)}`).join(', ');
    console.log(`${w.id}: page ${fmt(samples.map((s) => s.pageMs))}; runPipeline ${fmt(samples.map((s) => s.runMs))}; outside ${fmt(samples.map((s) => s.pageMs - s.runMs))}`);
    console.log(`  steps: ${perStep}`);
  }
} finally {
  await browser.close();
  await server.close();
}
