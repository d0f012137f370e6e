// The browser half of the benchmark: the production build in Debian's headless Chromium,
// every workload run by the app's real engine worker (through window.pipelab).
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PipelineSpec } from '../src/core/spec';
import { makeBenchCsv } from './csv-data';
import { summarize, warmUp, type Timing } from './stats';
import { editedLearningRate, withLearningRate, type Workload } from './workloads';
import type { BackendResult } from './node-bench';

/** The browser backends, in table order. */
export const BROWSER_BACKENDS = ['cpu', 'wasm', 'webgl'] as const;

/** Launches headless Chromium with the flags this machine needs (and gc() for the memory metrics). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--js-flags=--expose-gc'],
  });
}

/** A fresh context (empty IndexedDB) on the app, waited for until the gallery can be used. */
export async function openApp(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx (esbuild, keepNames) wraps named functions in __name(); functions sent into the page need it.
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Open Iris flowers' }).waitFor();
  await page.waitForFunction(() => (window as unknown as { pipelab?: { ready: boolean } }).pipelab?.ready === true);
  return page;
}

/** Switches the app's engine worker to `backend` and waits until it has started. */
export async function useBackend(page: Page, backend: string): Promise<string> {
  return page.evaluate(async (b) => {
    const app = (window as unknown as { pipelab: AppHandle }).pipelab;
    await app.setBackend(b);
    if (!app.runner.backend) throw new Error(`backend ${b} did not start: ${app.runner.error}`);
    return `${app.runner.backend.name}/${app.runner.backend.floatPrecision}`;
  }, backend);
}

/** Runs every workload on one backend in the page's worker. */
export async function benchBrowserBackend(page: Page, backend: string, list: Workload[], csvMb: number, log: (s: string) => void): Promise<BackendResult> {
  const timings: Record<string, Timing> = {};
  const accuracy: Record<string, number> = {};
  await coldRun(page, (list[1] ?? list[0]).spec); // warm-up
  for (const w of list) {
    const repeats = backend === 'webgl' ? w.slowRepeats : w.repeats;
    log(`  ${w.id} ×${repeats}`);
    const runs: number[] = [];
    if (w.mode === 'cold') {
      if (backend !== 'webgl') await warmUp(w.warmupMs ?? 0, () => coldRun(page, w.spec)); // untimed: JIT and caches warm, as for scikit-learn
      for (let i = 0; i < repeats; i++) {
        const r = await coldRun(page, w.spec);
        runs.push(r.ms);
        accuracy[w.id] = r.accuracy;
      }
    } else if (w.mode === 'edit') {
      const specs = Array.from({ length: repeats }, (_, i) => withLearningRate(w.spec, editedLearningRate(i)));
      runs.push(...(await editRuns(page, w.spec, specs)));
    } else {
      await importRun(page, csvMb); // untimed, as for every workload (Node gets one too)
      for (let i = 0; i < repeats; i++) runs.push(await importRun(page, csvMb));
    }
    timings[w.id] = summarize(runs);
  }
  return { timings, accuracy };
}

/** The parts of window.pipelab (the AppState) the benchmark drives. */
interface AppHandle {
  ready: boolean;
  setBackend(b: string): Promise<void>;
  run(): Promise<void>;
  open(spec: PipelineSpec): Promise<void>;
  importPreview: { start(file: File): Promise<void>; status: string; error: string | null; preview: { hash: string } | null };
  editor: { snapshot(): PipelineSpec; load(spec: PipelineSpec): void };
  workspace: { saveVersion(spec: PipelineSpec, label: string): Promise<void>; db: { name: string } };
  runner: {
    backend: { name: string; floatPrecision: number } | null;
    error: string | null;
    view: { record: { status: string; metrics: Record<string, number>; error: { message: string } | null } } | null;
    run(spec: PipelineSpec, userData?: Record<string, string>): Promise<void>;
    engine: { run(spec: PipelineSpec, onProgress: (e: unknown) => void, o?: { useCache?: boolean; dataDb?: string }): Promise<AppHandle['runner']['view']> };
  };
}

async function coldRun(page: Page, spec: PipelineSpec): Promise<{ ms: number; accuracy: number }> {
  return page.evaluate(async (s) => {
    const app = (window as unknown as { pipelab: AppHandle }).pipelab;
    const t0 = performance.now();
    const view = await app.runner.engine.run(s, () => undefined, { useCache: false });
    const ms = performance.now() - t0;
    if (view?.record.status !== 'done') throw new Error(`${s.name}: ${view?.record.error?.message ?? view?.record.status}`);
    return { ms, accuracy: view.record.metrics.accuracy };
  }, spec);
}

/** Edit-to-result as the app does it: the runner re-runs the edited spec, reusing cached upstream outputs. */
async function editRuns(page: Page, base: PipelineSpec, edited: PipelineSpec[]): Promise<number[]> {
  return page.evaluate(
    async ({ base, edited }) => {
      const app = (window as unknown as { pipelab: AppHandle }).pipelab;
      await app.open(base);
      await app.runner.run(base);
      const out: number[] = [];
      for (const spec of edited) {
        const t0 = performance.now();
        app.editor.load(spec);
        await app.runner.run(app.editor.snapshot());
        out.push(performance.now() - t0);
        if (app.runner.view?.record.status !== 'done') throw new Error(`edit run: ${app.runner.error}`);
      }
      return out;
    },
    { base, edited },
  );
}

/**
 * Builds the CSV in the page (same generator) and imports it as the app does: the worker reads,
 * parses and hashes the file for the preview; the user clicks "Open as pipeline" (the file is
 * stored and the starter pipeline opens); then the data step runs on it. Returns the whole time.
 */
export async function importRun(page: Page, csvMb: number): Promise<number> {
  return (await stagedImport(page, csvMb)).total;
}

/** importRun with its stages (page clock, ms): preview (read, parse, hash), open (store, starter pipeline), run of the data step. */
export async function stagedImport(page: Page, csvMb: number): Promise<{ preview: number; open: number; run: number; total: number }> {
  // Made once per page, as Node's side makes its text once: rebuilding it before each repeat left the
  // page's collector the garbage of 700,000 line strings to clear during the timed import.
  await page.evaluate(`if (window.__benchCsvMb !== ${csvMb}) { window.__benchCsv = (${makeBenchCsv.toString()})(${csvMb}); window.__benchCsvMb = ${csvMb}; } 0`);
  await page.getByRole('button', { name: 'pipelab: home' }).click(); // the import lives on the home screen
  await page.getByRole('region', { name: 'Import your data' }).waitFor();
  const { start: t0, hash } = await page.evaluate(async () => {
    const w = window as unknown as { pipelab: AppHandle; __benchCsv: string };
    const app = w.pipelab;
    const file = new File([w.__benchCsv], 'bench.csv', { type: 'text/csv' });
    await (app.workspace.db as unknown as { datasets: { clear(): Promise<void> } }).datasets.clear(); // every repeat stores the file, as a first import does
    const start = performance.now();
    await app.importPreview.start(file);
    if (app.importPreview.status !== 'ready') throw new Error(`import: ${app.importPreview.error}`);
    return { start, hash: app.importPreview.preview!.hash };
  });
  const t1 = await page.evaluate(() => performance.now());
  // "Open as a new pipeline instead" once an earlier import of bench.csv is in the workspace: the same action.
  await page.getByTestId('import-preview').getByRole('button', { name: /^Open as (pipeline|a new pipeline instead)$/ }).click();
  return page.evaluate(
    async ({ t0, t1, hash }) => {
      const app = (window as unknown as { pipelab: AppHandle }).pipelab;
      const opened = () => app.editor.snapshot().steps[0]?.params.hash === hash;
      while (!opened()) await new Promise((r) => setTimeout(r, 1));
      const t2 = performance.now();
      const spec = app.editor.snapshot();
      const view = await app.runner.engine.run({ ...spec, steps: spec.steps.slice(0, 1) }, () => undefined, { useCache: false, dataDb: app.workspace.db.name });
      if (view?.record.status !== 'done') throw new Error(`import: ${view?.record.error?.message ?? view?.record.status}`);
      const t3 = performance.now();
      return { preview: t1 - t0, open: t2 - t1, run: t3 - t2, total: t3 - t0 };
    },
    { t0, t1, hash },
  );
}
