// Dev check (`npx tsx bench/import-probe.ts [megabytes] [repeats] [--no-build]`): the 50 MB CSV
// import in Node and in headless Chromium side by side, as `npm run bench` times it (Node: hash
// the text and run the import step; Chromium: the app's preview, store and data-step run), with
// the browser's stages (preview: read, parse, hash; store; run) split out to see what dominates.
import { execSync } from 'node:child_process';
import { preview } from 'vite';
import { makeBenchCsv } from './csv-data';
import type { Page } from 'playwright-core';
import { launchChromium, openApp, stagedImport } from './browser-bench';
import { benchNodeImport } from './node-bench';

const mb = Number(process.argv[2] ?? 50);
const repeats = Number(process.argv[3] ?? 3);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

if (!process.argv.includes('--no-build')) execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
const server = await preview({ preview: { port: 4498, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await launchChromium();
try {
  const page = await openApp(browser, server.resolvedUrls!.local[0]);
  const text = makeBenchCsv(mb);
  const node: number[] = [];
  const chromium: number[] = [];
  await benchNodeImport(text); // warm-up
  await stagedImport(page, mb); // and the same in Chromium: the worker's first run loads and compiles the step code
  if (process.argv.includes('--stages')) console.log(`  preview stages (first progress event of each): ${await previewStages(page, mb)}`);
  for (let i = 0; i < repeats; i++) {
    // Alternate, so load on the shared machine falls on both alike.
    const stages = await stagedImport(page, mb);
    chromium.push(stages.total);
    console.log(`  chromium stages: ${Object.entries(stages).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')}`);
    const t0 = performance.now();
    await benchNodeImport(text);
    node.push(performance.now() - t0);
    console.log(`repeat ${i + 1}: chromium ${(chromium[i] / 1000).toFixed(2)} s, node ${(node[i] / 1000).toFixed(2)} s, ratio ${(chromium[i] / node[i]).toFixed(2)}`);
  }
  const ratios = chromium.map((c, i) => c / node[i]);
  console.log(`median: chromium ${(median(chromium) / 1000).toFixed(2)} s, node ${(median(node) / 1000).toFixed(2)} s; per-repeat ratio median ${median(ratios).toFixed(2)}`);
} finally {
  await browser.close();
  await server.close();
}

/** When the worker's preview first reported each stage (reading, parsing, hashing) and when it finished, in seconds from the start. */
async function previewStages(page: Page, csvMb: number): Promise<string> {
  await page.evaluate(`window.__benchCsv = (${makeBenchCsv.toString()})(${csvMb}); 0`);
  return page.evaluate(async () => {
    type Client = { call(method: 'previewFile', file: File, onProgress: (p: { stage: string }) => void): Promise<unknown> };
    const w = window as unknown as { pipelab: { runner: { engine: Client } }; __benchCsv: string };
    const file = new File([w.__benchCsv], 'bench.csv', { type: 'text/csv' });
    const seen: string[] = [];
    const t0 = performance.now();
    await w.pipelab.runner.engine.call('previewFile', file, (p) => {
      if (!seen.some((s) => s.startsWith(p.stage))) seen.push(`${p.stage} ${((performance.now() - t0) / 1000).toFixed(2)}`);
    });
    seen.push(`done ${((performance.now() - t0) / 1000).toFixed(2)}`);
    return seen.join(', ');
  });
}
