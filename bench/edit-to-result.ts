// `npm run bench -- --only edit-to-result`: just the edit-to-result workload (iris, a new
// learning rate each time, upstream steps cached) in Chromium's engine worker on Auto, the
// backend a user gets, with more repeats than the full bench gives it. Prints the median and
// range; the target (issue 17) is under 50 ms median. Flags: --no-build (reuse dist/), --repeats N.
import { execSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { benchBrowserBackend, launchChromium, openApp, useBackend } from './browser-bench';
import { formatTiming } from './stats';
import { workloads } from './workloads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the edit-to-result workload alone on Auto and prints its timing. */
export async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--repeats');
  const repeats = at >= 0 ? Number(argv[at + 1]) : 21;
  if (!Number.isInteger(repeats) || repeats < 1 || repeats > 500) throw new Error(`--repeats: expected a whole number from 1 to 500, got ${argv[at + 1]}`);
  const all = workloads(false);
  const edit = all.find((w) => w.mode === 'edit');
  if (!edit) throw new Error('no edit-to-result workload in bench/workloads.ts');
  if (!argv.includes('--no-build')) execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
  const server = await preview({ root, preview: { port: 4499, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  const browser = await launchChromium();
  try {
    const page = await openApp(browser, baseUrl);
    const backend = await useBackend(page, 'auto');
    // benchBrowserBackend warms up with the list's second workload, so keep a cold one before the edit workload.
    const list = [all[0], { ...edit, repeats, slowRepeats: repeats }];
    const result = await benchBrowserBackend(page, 'auto', list, 5, (s) => process.stderr.write(`${s}\n`));
    const timing = result.timings[edit.id];
    process.stdout.write(`edit-to-result (iris, new learning rate), Chromium ${browser.version()}, Auto = ${backend}, ${repeats} repeats: ${formatTiming(timing)}; target < 50 ms median\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}
