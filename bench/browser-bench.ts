// The browser half of the benchmark: the production build in Debian's headless Chromium,
// every workload run by the app's real engine worker (through window.pipelab).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
 * Imports the bench CSV as a user does: picks the file (from disk) in the home screen's import;
 * the worker reads, parses and hashes it for the preview; the user clicks "Open as pipeline"
 * (the file is stored and the starter pipeline opens); then the data step runs on it. Returns
 * the whole time.
 */
export async function importRun(page: Page, csvMb: number): Promise<number> {
  return (await stagedImport(page, csvMb)).total;
}

/** The bench CSV of each size, written once per process to a temporary bench.csv (removed at exit). */
const csvFiles = new Map<number, string>();

function benchCsvFile(csvMb: number): string {
  let file = csvFiles.get(csvMb);
  if (!file) {
    const dir = mkdtempSync(join(tmpdir(), `pipelab-bench-${csvMb}mb-`));
    file = join(dir, 'bench.csv');
    writeFileSync(file, makeBenchCsv(csvMb));
    csvFiles.set(csvMb, file);
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return file;
}

/**
 * importRun with its stages, on the page's clock (ms): preview (from picking the file until its
 * preview shows: read, parse, hash), open (from the click on "Open as pipeline" until the pipeline
 * is open: store, starter pipeline), run (of the data step); and, not counted, how long the app
 * then took to draw the new pipeline's data (the run is started once it has: the app computes that
 * plot in the worker on opening, and a run started meanwhile waits for it). Playwright's own time
 * between the stages (between the user's actions) is not counted either.
 */
export async function stagedImport(page: Page, csvMb: number): Promise<{ preview: number; open: number; run: number; total: number; plot: number }> {
  const file = benchCsvFile(csvMb);
  await page.getByRole('button', { name: 'pipelab: home' }).click(); // the import lives on the home screen
  await page.getByRole('region', { name: 'Import your data' }).waitFor();
  await page.evaluate(async () => {
    const w = window as unknown as { pipelab: AppHandle; __importMarks: { picked?: number; open?: number } };
    await (w.pipelab.workspace.db as unknown as { datasets: { clear(): Promise<void> } }).datasets.clear(); // every repeat stores the file, as a first import does
    const marks: { picked?: number; open?: number } = (w.__importMarks = {});
    document.addEventListener('change', () => (marks.picked = performance.now()), { capture: true, once: true });
    document.addEventListener('click', () => (marks.open = performance.now()), { capture: true, once: true });
  });
  await page.getByLabel('Import a data file').setInputFiles(file);
  const hash = await page.evaluate(async () => {
    const app = (window as unknown as { pipelab: AppHandle }).pipelab;
    while (app.importPreview.status === 'reading' || app.importPreview.status === 'closed') await new Promise((r) => setTimeout(r, 1));
    if (app.importPreview.status !== 'ready') throw new Error(`import: ${app.importPreview.error}`);
    (window as unknown as { __importMarks: { shown?: number } }).__importMarks.shown = performance.now();
    return app.importPreview.preview!.hash;
  });
  // "Open as a new pipeline instead" once an earlier import of bench.csv is in the workspace: the same action.
  await page.getByTestId('import-preview').getByRole('button', { name: /^Open as (pipeline|a new pipeline instead)$/ }).click();
  return page.evaluate(async (hash) => {
    const w = window as unknown as { pipelab: AppHandle; __importMarks: { picked: number; shown: number; open: number } };
    const app = w.pipelab;
    const { picked, shown, open } = w.__importMarks;
    const opened = () => app.editor.snapshot().steps[0]?.params.hash === hash;
    while (!opened()) await new Promise((r) => setTimeout(r, 1));
    const isOpen = performance.now();
    const plotted = () => document.querySelector('figure.data-card figcaption')?.textContent?.includes('output of') === true;
    while (!plotted()) await new Promise((r) => setTimeout(r, 1));
    const runStart = performance.now();
    const spec = app.editor.snapshot();
    const view = await app.runner.engine.run({ ...spec, steps: spec.steps.slice(0, 1) }, () => undefined, { useCache: false, dataDb: app.workspace.db.name });
    if (view?.record.status !== 'done') throw new Error(`import: ${view?.record.error?.message ?? view?.record.status}`);
    const stages = { preview: shown - picked, open: isOpen - open, run: performance.now() - runStart };
    return { ...stages, total: stages.preview + stages.open + stages.run, plot: runStart - isOpen };
  }, hash);
}
