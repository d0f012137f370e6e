// `npm run bench:class`: how long the class board takes to take in and render 200 pasted result codes
// (issue 20: "under a second on this machine"). A benchmark, not a test: it prints the times it measured.
// Run after `npx vite build` (it serves dist/).
import { preview } from 'vite';
import { decodeAssignmentLink } from '../src/class/assignment';
import { resultUrl, type ResultCode } from '../src/class/result-code';
import { launchChromium, openApp, useBackend } from './browser-bench';

const COUNT = 200;
const REPEATS = 3;

/** 200 students: most identical, some on wasm (differing at the model), a few on another seed. */
function codes(assignment: string, base: ResultCode['steps']): ResultCode[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const wasm = i % 10 === 3;
    const seed = i % 25 === 7 ? 7 : 42;
    const steps = base.map(([id, h]) => [id, wasm && (id === 'model' || id === 'evaluate') ? 'c'.repeat(8) : h] as const);
    return {
      assignment, versionHash: '0'.repeat(16), seed, backend: wasm ? 'wasm' : 'cpu', precision: 32, browser: 'Chrome', os: i % 3 ? 'Windows' : 'Android',
      appVersion: '0.1.0', resultHash: seed !== 42 ? 'd'.repeat(16) : wasm ? 'b'.repeat(16) : 'a'.repeat(16), steps,
      metrics: { accuracy: 0.9 + (i % 7) / 1000 }, name: `Student ${i + 1}`, at: 1_700_000_000_000 + i * 1000,
    };
  });
}

async function main(): Promise<void> {
  const server = await preview({ preview: { port: 4391, host: '127.0.0.1' }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls!.local[0];
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let r = 0; r < REPEATS; r++) {
      const page = await openApp(browser, baseUrl);
      await page.getByRole('button', { name: 'Open Iris flowers' }).click();
      await useBackend(page, 'cpu');
      await page.getByRole('button', { name: 'Assignment' }).click();
      await page.getByRole('button', { name: 'Make assignment link' }).click();
      const { assignment } = await decodeAssignmentLink(await page.getByTestId('assignment-link').inputValue());
      await page.getByTestId('open-board').click();
      const steps: ResultCode['steps'] = ['data', 'split', 'scale', 'model', 'evaluate'].map((id, k) => [id, String(k).repeat(8)] as const);
      const text = (await Promise.all(codes(assignment!.id, steps).map((c) => resultUrl(c, baseUrl)))).join('\n');
      await page.getByTestId('paste-codes').fill(text);
      const ms = await page.evaluate(async (count) => {
        const start = performance.now();
        (document.querySelector('[data-testid=add-codes]') as HTMLButtonElement).click();
        await new Promise<void>((resolve) => {
          const done = () => document.querySelectorAll('[data-testid=student-rows] tbody tr').length === count && document.querySelector('[data-testid=dot-plot]');
          const obs = new MutationObserver(() => done() && (obs.disconnect(), resolve()));
          obs.observe(document.body, { childList: true, subtree: true });
        });
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        return performance.now() - start;
      }, COUNT);
      times.push(ms);
      console.log(`200 pasted codes → board rendered: ${ms.toFixed(0)} ms`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  times.sort((a, b) => a - b);
  console.log(`median of ${REPEATS}: ${times[Math.floor(REPEATS / 2)].toFixed(0)} ms (decode + validate + store in IndexedDB + group + render)`);
}

void main();
