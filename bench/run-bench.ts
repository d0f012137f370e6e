// `npm run bench`: every workload in Node (cpu, wasm), in Chromium's worker (cpu, wasm,
// webgl) and, when available, in scikit-learn; app metrics; a table and a JSON file.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { cancelLatency, longTasksDuringTraining, longestTaskDuringImport, mainBundleSize, memoryOverRuns, storageForVersions, timeToGallery } from './app-metrics';
import { BROWSER_BACKENDS, benchBrowserBackend, launchChromium, openApp, useBackend } from './browser-bench';
import { makeBenchCsv } from './csv-data';
import { zipBombRefusal } from './hostile-input';
import { main as longSessionMain } from './long-session';
import { main as editToResultMain } from './edit-to-result';
import { main as replayCostMain } from './replay-cost';
import { main as coeditLatencyMain } from './coedit-latency';
import { benchNode, type BackendResult } from './node-bench';
import { runSklearn } from './sklearn-runner';
import { renderReport, type BenchReport } from './report';
import { DIGITS_MLP, IRIS_EXAMPLE, PENGUINS_PIPELINE, workloads } from './workloads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const csvMb = quick ? 5 : 50;
const log = (s: string) => process.stderr.write(`${s}\n`);
// Flags: --quick (1 repeat, 5 MB CSV), --no-python, --no-browser, --no-build (reuse dist/),
// --only long-session (just the long-session benchmark: bench/long-session.ts, also `npm run bench:long-session`),
// --only edit-to-result (just edit-to-result on Auto in Chromium, more repeats: bench/edit-to-result.ts),
// --only replay (what recording a training replay costs, digits and spiral MLPs: bench/replay-cost.ts),
// --only coedit (how soon a co-editor sees an edit, over a real relay: bench/coedit-latency.ts).
// --workloads id,id (only those workloads in Node and Chromium), --browser-backends cpu,wasm (only those in
// Chromium), --no-app-metrics (skip the app metrics): a short run of the rows one is working on.
const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? '').split(',').filter(Boolean) : null;
};
const onlyWorkloads = option('--workloads');
const browserBackends = option('--browser-backends') ?? [...BROWSER_BACKENDS];

async function main(): Promise<void> {
  const started = Date.now();
  const list = workloads(quick).filter((w) => !onlyWorkloads || onlyWorkloads.includes(w.id));
  const outDir = path.join(root, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const csvFile = path.join(outDir, 'bench.csv');
  writeFileSync(csvFile, makeBenchCsv(csvMb));

  log('scikit-learn…');
  const sklearn = args.has('--no-python') ? ({ available: false, reason: 'skipped (--no-python)' } as const) : runSklearn(root, csvFile, quick);
  if (!sklearn.available) log(`scikit-learn absent: ${sklearn.reason}`);

  const results: Record<string, BackendResult> = {};
  for (const b of ['cpu', 'wasm'] as const) results[`node ${b}`] = await benchNode(b, list, csvMb, log);

  log('hostile input…');
  const zipBomb = await zipBombRefusal(quick ? 1 : 5);

  let app: BenchReport['app'] = null;
  if (!args.has('--no-browser')) {
    if (!args.has('--no-build')) execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
    const server = await preview({ root, preview: { port: 4499, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
    const baseUrl = server.resolvedUrls?.local[0];
    if (!baseUrl) throw new Error('vite preview did not report a URL');
    const browser = await launchChromium().catch((err: Error) => {
      void server.close();
      throw new Error(`Chromium could not start (${err.message.split('\n')[0]}). Install Debian's chromium (or set CHROMIUM_PATH), or run with --no-browser.`);
    });
    try {
      const page = await openApp(browser, baseUrl);
      for (const b of browserBackends) {
        const got = await useBackend(page, b);
        log(`chromium ${got}:`);
        results[`chromium ${b}`] = await benchBrowserBackend(page, b, list, csvMb, log);
      }
      if (args.has('--no-app-metrics')) {
        await page.close();
        return finish(started, list, sklearn, results, null, zipBomb, outDir);
      }
      log('app metrics…');
      await useBackend(page, 'auto'); // what a user gets: Auto (cpu where WebAssembly SIMD runs)
      const crossOriginIsolated = await page.evaluate(() => globalThis.crossOriginIsolated);
      const longTasks = await longTasksDuringTraining(page, DIGITS_MLP);
      const memory = await memoryOverRuns(page, IRIS_EXAMPLE, 100);
      const cancel = await cancelLatency(page, DIGITS_MLP);
      const importLongestMs = await longestTaskDuringImport(page, csvMb);
      await page.close();
      app = {
        bundle: mainBundleSize(path.join(root, 'dist')),
        timeToGallery: await timeToGallery(browser, baseUrl, quick ? 1 : 5),
        longTasks,
        memory,
        cancel,
        importLongestMs,
        storage: await storageForVersions(browser, baseUrl, PENGUINS_PIPELINE, 1000),
        chromium: browser.version(),
        crossOriginIsolated,
      };
    } finally {
      await browser.close();
      await server.close();
    }
  }

  finish(started, list, sklearn, results, app, zipBomb, outDir);
}

const only = process.argv.indexOf('--only');
if (only >= 0 && process.argv[only + 1] === 'long-session') await longSessionMain(process.argv.slice(2));
else if (only >= 0 && process.argv[only + 1] === 'edit-to-result') await editToResultMain(process.argv.slice(2));
else if (only >= 0 && process.argv[only + 1] === 'replay') await replayCostMain(process.argv.slice(2));
else if (only >= 0 && process.argv[only + 1] === 'coedit') await coeditLatencyMain(process.argv.slice(2));
else if (only >= 0) throw new Error(`--only knows long-session, edit-to-result, replay and coedit; got ${process.argv[only + 1] ?? 'nothing'}.`);
else await main();

/** Writes the report (JSON in bench-results/, the table on stdout). */
function finish(
  started: number, list: ReturnType<typeof workloads>, sklearn: BenchReport['sklearn'], results: Record<string, BackendResult>,
  app: BenchReport['app'], zipBomb: BenchReport['zipBomb'], outDir: string,
): void {
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`,
    quick,
    workloads: list.map((w) => ({ id: w.id, label: w.label, repeats: w.repeats, slowRepeats: w.slowRepeats })),
    results,
    sklearn,
    app,
    zipBomb,
    wallSeconds: (Date.now() - started) / 1000,
  };
  const file = path.join(outDir, `bench-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(report, null, 2));
  process.stdout.write(renderReport(report) + `\n\nJSON: ${path.relative(root, file)}\n`);
}
