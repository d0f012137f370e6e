import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, precacheOf } from '../../scripts/offline-plugin';
import { launchBrowser, screenshot } from './browser';
import { cacheContents, chooseBackend, openAt, runAndWait, waitUntilOfflineReady } from './pwa-helpers';
import { StaticServer } from './static-server';

const BUILD_A = path.resolve('dist');
const B_ID = 'e2e-build-b';
let buildB: string;
let browser: Browser;

beforeAll(async () => {
  // Build B: the same app with another build id (so other hashed files and another sw.js); about 10-20 s here.
  buildB = mkdtempSync(path.join(tmpdir(), 'pipelab-build-b-'));
  const t0 = Date.now();
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', buildB, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, PIPELAB_BUILD_ID: B_ID },
    stdio: 'inherit',
  });
  console.log(`build B took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(buildB, { recursive: true, force: true });
});

/** The app files (under assets/) the page and its worker fetch from now on, from the server or the service worker. */
function assetRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname.slice(1);
    if (p.startsWith('assets/')) seen.push(p);
  });
  return seen;
}

const buildIdOf = (page: Page) => page.getByTestId('build-id').getAttribute('data-build');

describe('updates', () => {
  it('offers a newly deployed build, keeps the old one whole until the user reloads, then runs the new one whole', async () => {
    const server = new StaticServer(BUILD_A);
    const { context, page, errors } = await openAt(browser, await server.start());
    try {
      await waitUntilOfflineReady(page);
      const idA = await buildIdOf(page);
      expect(idA).not.toBe(B_ID);
      await page.getByRole('button', { name: 'Open Iris flowers' }).click();
      await chooseBackend(page, 'cpu');
      expect((await runAndWait(page)).status).toMatch(/Done/);

      // Deploy B. A reload still shows A, entirely from A's cache, while B downloads in the background.
      server.root = buildB;
      const filesA = new Set(listFiles(BUILD_A));
      const duringA = assetRequests(page);
      await page.reload();
      await page.getByTestId('update-banner').waitFor({ timeout: 90_000 });
      expect(await buildIdOf(page)).toBe(idA);
      expect(duringA.length).toBeGreaterThan(0);
      expect(duringA.filter((f) => !filesA.has(f))).toEqual([]);
      await screenshot(page, 'update-offered');

      // Accept: the page reloads into B, and every file it loads is B's.
      const filesB = new Set(listFiles(buildB));
      const afterB = assetRequests(page);
      await page.getByTestId('update-banner').getByRole('button', { name: 'Reload' }).click();
      await page.locator(`[data-testid=build-id][data-build="${B_ID}"]`).waitFor({ timeout: 30_000 });
      await chooseBackend(page, 'cpu');
      expect((await runAndWait(page)).status).toMatch(/Done/);
      expect(afterB.some((f) => f.startsWith('assets/engine.worker-'))).toBe(true);
      expect(afterB.filter((f) => !filesB.has(f))).toEqual([]);
      expect(await page.getByTestId('update-banner').count()).toBe(0);
      const precacheB = precacheOf(buildB);
      expect(await cacheContents(page)).toEqual([[precacheB.cacheName, precacheB.files.length]]);
      await screenshot(page, 'update-applied');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
