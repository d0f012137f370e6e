// `npm run bench -- --only coedit`: how soon a co-editor sees an edit (issue 22: "within a second").
// A real relay on 127.0.0.1 and the production build in headless Chromium: the teacher makes a live
// assignment and opens the session's pipeline; a co-editor opens the co-edit link. Then, alternately,
// one of them sets the model's epochs (typed, Enter) and the bench times, in the pages' shared clock,
// from that Enter key to the other page's field showing the new value: the whole path (the editor's
// change, the 50 ms push, Yjs over the relay, restore/validation, the other editor). Flags: --no-build,
// --repeats N (default 20).
import { execSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { preview } from 'vite';
import { startRelay } from '../src/cli/relay/relay-server';
import { launchChromium, openApp } from './browser-bench';
import { summarize } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WAIT = { timeout: 60_000 };

/** The teacher: iris on cpu, run, a live assignment on `relayUrl`; returns the co-edit link. */
async function teacherSession(page: Page, relayUrl: string): Promise<string> {
  await page.getByRole('button', { name: 'Open Iris flowers' }).click();
  await page.getByLabel('Backend').selectOption('cpu');
  await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor(WAIT);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('run-status').filter({ hasText: /Done/ }).waitFor(WAIT);
  await page.getByRole('button', { name: 'Assignment' }).click();
  await page.getByTestId('live-toggle').check();
  await page.getByTestId('relay-url').fill(relayUrl);
  await page.getByRole('button', { name: 'Make assignment link' }).click();
  await page.getByTestId('open-board').click();
  await page.getByTestId('live-status').filter({ hasText: 'Live: connected' }).waitFor(WAIT);
  await page.getByText('Co-edit link: edit the pipeline together').click();
  return page.getByTestId('coedit-link').inputValue();
}

/** Sets the epochs in `from` and resolves with the ms from its Enter key to `to` showing the value. */
async function oneEdit(from: Page, to: Page, value: string): Promise<number> {
  const seen = to.evaluate(
    (v) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const input = document.querySelector<HTMLInputElement>('#model-epochs');
          if (input?.value === v) resolve(performance.timeOrigin + performance.now());
          else setTimeout(check, 2);
        };
        check();
      }),
    value,
  );
  await from.locator('#model-epochs').fill(value);
  await from.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#model-epochs')!;
    input.addEventListener('keydown', () => ((window as unknown as { sentAt: number }).sentAt = performance.timeOrigin + performance.now()), { once: true });
  });
  await from.locator('#model-epochs').press('Enter');
  const shown = await seen;
  const sent = await from.evaluate(() => (window as unknown as { sentAt: number }).sentAt);
  return shown - sent;
}

/** Runs the co-edit latency bench and prints median and range each way. */
export async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--repeats');
  const repeats = at >= 0 ? Number(argv[at + 1]) : 20;
  if (!Number.isInteger(repeats) || repeats < 1 || repeats > 200) throw new Error(`--repeats: expected a whole number from 1 to 200, got ${argv[at + 1]}`);
  if (!argv.includes('--no-build')) execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
  const relay = await startRelay({ port: 0 });
  const server = await preview({ root, preview: { port: 4498, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const teacher = await openApp(browser, baseUrl);
    const coedit = await teacherSession(teacher, relay.url);
    const ana = await openApp(browser, baseUrl + coedit.slice(coedit.indexOf('#')));
    await ana.getByTestId('live-edit-bar').getByTestId('live-status').filter({ hasText: 'Live: connected' }).waitFor(WAIT);
    await teacher.getByTestId('live-edit').click();
    await teacher.getByTestId('live-editors').filter({ hasText: 'Editing with' }).waitFor(WAIT);
    await ana.getByTestId('live-editors').filter({ hasText: 'Editing with' }).waitFor(WAIT);
    const ways: Record<string, number[]> = { 'teacher → co-editor': [], 'co-editor → teacher': [] };
    for (let i = 0; i < 2 * repeats; i++) {
      const [from, to, way] = i % 2 === 0 ? [teacher, ana, 'teacher → co-editor'] : [ana, teacher, 'co-editor → teacher'];
      ways[way].push(await oneEdit(from, to, String(11 + i)));
    }
    for (const [way, ms] of Object.entries(ways)) {
      const t = summarize(ms);
      process.stdout.write(`co-edit ${way} (Enter → the other page's field), Chromium ${browser.version()}, ${ms.length} edits: ` +
        `median ${t.median.toFixed(0)} ms, best ${t.min.toFixed(0)} ms, worst ${t.max.toFixed(0)} ms; target < 1,000 ms\n`);
    }
  } finally {
    await browser?.close();
    await server.close();
    await relay.close();
  }
}
