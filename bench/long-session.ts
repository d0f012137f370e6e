// `npm run bench:long-session` (or `npm run bench -- --only long-session`): a long session in one
// page. The iris example is run again and again through the app's own Run path (results panel,
// charts, stored run, runs count), a frame painted between runs, and at checkpoints the page's JS
// heap after a forced GC, the engine worker's heap after GC, DOM nodes and the run time are read.
// Bounded: at most `runs` runs and `limitS` seconds (it reports where it stopped).
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { preview } from 'vite';
import { workerHeapProbe } from './app-metrics';
import { launchChromium, openApp, useBackend } from './browser-bench';
import { summarize } from './stats';

/** One checkpoint of the session: after `runs` runs. */
export interface SessionPoint {
  readonly runs: number;
  /** The page's used JS heap after a forced garbage collection, bytes. */
  readonly pageHeap: number;
  /** The engine worker's used JS heap after a forced garbage collection, bytes. */
  readonly workerHeap: number;
  /** DOM nodes alive in the page. */
  readonly nodes: number;
  /** Median time of one run (click to stored result) over the runs since the last checkpoint, ms. */
  readonly medianRunMs: number;
  /** The slowest of those runs, ms. */
  readonly maxRunMs: number;
  /** Main-thread tasks over 50 ms since the last checkpoint, and the longest of them (ms). */
  readonly longTasks: number;
  readonly longestTaskMs: number;
}

/** The whole session's report. */
export interface SessionReport {
  readonly date: string;
  readonly machine: string;
  readonly chromium: string;
  readonly backend: string;
  readonly plannedRuns: number;
  readonly points: SessionPoint[];
  /** Set when the time limit stopped the session early. */
  readonly stoppedEarly: string | null;
  readonly wallSeconds: number;
}

/** Checkpoints of a session of `runs` runs: 1, then 20 %, 50 % and 100 % of it (1, 100, 250, 500 for 500). */
export function checkpoints(runs: number): number[] {
  return [...new Set([1, Math.round(runs / 5), Math.round(runs / 2), runs])].filter((n) => n >= 1).sort((a, b) => a - b);
}

/** Runs the iris example `count` more times through the app's Run (a frame painted after each) and returns each run's ms. */
async function runMany(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    type App = { run(): Promise<void>; runner: { view: { record: { status: string } } | null; error: string | null } };
    const app = (window as unknown as { pipelab: App }).pipelab;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await app.run();
      times.push(performance.now() - t0);
      if (app.runner.view?.record.status !== 'done') throw new Error(`run ${i + 1}: ${app.runner.error ?? app.runner.view?.record.status}`);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); // the results are painted, as a user would see them
    }
    return times;
  }, count);
}

/** Starts counting the page's long tasks; the returned function reads (and resets) them. */
async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __sessionTasks: number[] };
    w.__sessionTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__sessionTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { __sessionTasks: number[] }).__sessionTasks.splice(0));
}

async function pageProbe(cdp: CDPSession): Promise<{ heap: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return { heap: usedSize, nodes: metrics.find((m) => m.name === 'Nodes')?.value ?? 0 };
}

/** Opens the iris example on `backend` in a fresh page and runs the session. */
export async function longSession(browser: Browser, baseUrl: string, runs: number, limitS: number, log: (s: string) => void): Promise<Omit<SessionReport, 'date' | 'machine' | 'wallSeconds'>> {
  const page = await openApp(browser, baseUrl);
  const backend = await useBackend(page, 'auto');
  await page.evaluate(() => (window as unknown as { pipelab: { openExample(id: string): Promise<boolean> } }).pipelab.openExample('iris-logreg'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const workerHeap = await workerHeapProbe(page);
  const longTasks = await watchLongTasks(page);
  const points: SessionPoint[] = [];
  const started = Date.now();
  let done = 0;
  let stoppedEarly: string | null = null;
  for (const target of checkpoints(runs)) {
    const times: number[] = [];
    while (done < target) {
      if ((Date.now() - started) / 1000 > limitS) {
        stoppedEarly = `stopped at ${done} runs: the ${limitS} s limit was reached`;
        break;
      }
      const batch = await runMany(page, Math.min(25, target - done));
      times.push(...batch);
      done += batch.length;
    }
    if (stoppedEarly || !times.length) break;
    const tasks = await longTasks(); // read before the forced GCs below, which are not the app's
    const probe = await pageProbe(cdp);
    const t = summarize(times);
    points.push({ runs: done, pageHeap: probe.heap, workerHeap: await workerHeap(), nodes: probe.nodes, medianRunMs: t.median, maxRunMs: t.max, longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks) });
    log(`  ${done} runs: page heap ${mb(probe.heap)}, worker heap ${mb(points[points.length - 1].workerHeap)}, ${probe.nodes} nodes, median run ${t.median.toFixed(1)} ms`);
  }
  const chromium = browser.version();
  await page.close();
  return { chromium, backend, plannedRuns: runs, points, stoppedEarly };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** The Markdown table of a session, with the goals (page heap ≤ 2× the first run's, flat run time, worker heap ≤ +10 %). */
export function renderSession(r: SessionReport): string {
  const first = r.points[0];
  const rows = r.points.map((p) =>
    `| ${p.runs} | ${mb(p.pageHeap)} (${ratio(p.pageHeap, first.pageHeap)}) | ${mb(p.workerHeap)} (${ratio(p.workerHeap, first.workerHeap)}) | ${p.nodes} | ${p.medianRunMs.toFixed(1)} ms (max ${p.maxRunMs.toFixed(0)} ms) | ${p.longTasks} (longest ${p.longestTaskMs.toFixed(0)} ms) |`);
  return [
    `Long session: the iris example run ${r.plannedRuns} times in one page (${r.backend}), ${r.date}, ${r.machine}, chromium ${r.chromium}; ${r.wallSeconds.toFixed(0)} s`,
    r.stoppedEarly ? `**${r.stoppedEarly}**` : '',
    '',
    '| runs | page heap after GC (× run 1) | worker heap after GC (× run 1) | DOM nodes | run time since last row (median) | tasks > 50 ms since last row |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The command line: builds (unless --no-build), serves dist/, runs one session, prints and saves its report. */
export async function main(argv: readonly string[]): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const value = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const runs = value('--runs', argv.includes('--quick') ? 100 : 500);
  const limitS = value('--limit-s', 1800);
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const started = Date.now();
  if (!argv.includes('--no-build')) execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
  const server = await preview({ root, preview: { port: 4498, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  const browser = await launchChromium();
  try {
    log(`long session: ${runs} runs of the iris example (at most ${limitS} s)…`);
    const session = await longSession(browser, baseUrl, runs, limitS, log);
    const report: SessionReport = {
      ...session,
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
      wallSeconds: (Date.now() - started) / 1000,
    };
    const outDir = path.join(root, 'bench-results');
    mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `long-session-${report.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2));
    process.stdout.write(`${renderSession(report)}\n\nJSON: ${path.relative(root, file)}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
