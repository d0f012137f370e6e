import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { precacheOf } from '../../scripts/offline-plugin';
import { launchBrowser, screenshot } from './browser';
import { cacheContents, chooseBackend, openAt, runAndWait, waitUntilOfflineReady } from './pwa-helpers';
import { StaticServer } from './static-server';

const DIST = path.resolve('dist');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const WINE = readFileSync('public/datasets/wine.csv');

describe('offline', () => {
  it('loaded once, keeps working with the server gone and the network off: gallery, wasm and webgl runs, imported data and saved runs', async () => {
    const server = new StaticServer(DIST);
    const { context, page, errors } = await openAt(browser, await server.start());
    const sockets: string[] = []; // without a relay configured, no WebSocket (relay) connection is ever opened
    page.on('websocket', (socket) => sockets.push(socket.url()));
    try {
      await waitUntilOfflineReady(page);
      const precache = precacheOf(DIST);
      expect(await cacheContents(page)).toEqual([[precache.cacheName, precache.files.length]]);
      await page.getByLabel('Import a data file').setInputFiles({ name: 'my-wine.csv', mimeType: 'text/csv', buffer: WINE });
      await page.getByRole('button', { name: 'Open as pipeline' }).click({ timeout: 60_000 });
      await page.getByTestId('app-notice').filter({ hasText: 'Imported my-wine.csv' }).waitFor({ timeout: 30_000 });
      await chooseBackend(page, 'cpu');
      const online = await runAndWait(page);
      expect(online.status).toMatch(/Done/);
      await page.getByRole('tab', { name: /Runs \(1\)/ }).waitFor({ timeout: 30_000 }); // The run is stored.

      await server.stop();
      await context.setOffline(true);
      await page.reload();
      await page.locator('[data-testid=offline-badge][data-state=offline]').waitFor({ timeout: 30_000 });
      // The imported pipeline reopens with its saved run, and its data is still there to run again.
      await page.locator(`[data-testid=result-hash][data-hash="${online.hash}"]`).waitFor({ timeout: 30_000 });
      await page.getByRole('tab', { name: /Runs \(1\)/ }).waitFor({ timeout: 30_000 });
      await chooseBackend(page, 'wasm');
      const again = await runAndWait(page);
      expect(again.status).toMatch(/Done/);
      // A second run, stored offline (the starter's L-BFGS logistic regression computes in float64 JavaScript on every
      // backend, so its result hash may equal the cpu run's: what matters here is that it ran on wasm with no network).
      await page.getByRole('tab', { name: /Runs \(2\)/ }).waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('run-env').textContent()).toMatch(/wasm · float32/);
      await screenshot(page, 'offline-imported-rerun');

      await page.getByRole('button', { name: 'pipelab: home' }).click();
      await page.getByRole('button', { name: 'Open pipeline my-wine' }).waitFor();
      await screenshot(page, 'offline-gallery');
      await page.getByRole('button', { name: 'Open Palmer penguins' }).click();
      await chooseBackend(page, 'wasm');
      expect((await runAndWait(page)).status).toMatch(/Done/);
      expect(await page.getByTestId('run-env').textContent()).toMatch(/wasm · float32/);
      await chooseBackend(page, 'webgl');
      expect((await runAndWait(page)).status).toMatch(/Done/);
      expect(await page.getByTestId('run-env').textContent()).toMatch(/webgl · float(16|32)/);
      await screenshot(page, 'offline-penguins-webgl');
      expect(errors).toEqual([]);
      expect(sockets).toEqual([]);
    } finally {
      await context.close();
      await server.stop();
    }
  });

  it('is installable: Chromium reports no installability errors for the manifest, icons and service worker', async () => {
    const server = new StaticServer(DIST);
    const base = await server.start();
    // Installability is not checked in off-the-record contexts, so this test uses a real (temporary) profile.
    const profile = mkdtempSync(path.join(tmpdir(), 'pipelab-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await context.newPage();
      await page.goto(base);
      await waitUntilOfflineReady(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.errors).toEqual([]);
      expect(manifest.url).toBe(`${base}manifest.webmanifest`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await server.stop();
    }
  });
});

describe('storage persistence', () => {
  it('asks for persistent storage on the first save only, and while it is not granted warns and offers a bundle backup', async () => {
    const { context, page, errors } = await openAt(browser, inject('baseUrl'), () => {
      // Count the requests; answer as a browser that declines (Chromium without site engagement does).
      const asked: number[] = [];
      (window as unknown as { persistAsked: number[] }).persistAsked = asked;
      navigator.storage.persist = async () => (asked.push(1), false);
    });
    const asked = () => page.evaluate(() => (window as unknown as { persistAsked: number[] }).persistAsked.length);
    try {
      await page.getByTestId('storage-usage').waitFor();
      expect(await asked()).toBe(0);
      expect(await page.getByTestId('eviction-warning').count()).toBe(0);
      await page.getByRole('button', { name: 'Open Iris flowers' }).click();
      await expect.poll(asked).toBe(1);
      const warning = page.getByTestId('eviction-warning');
      await warning.waitFor();
      expect(await warning.textContent()).toContain('export bundles as a backup');
      expect(await page.getByTestId('storage-usage').getAttribute('data-persisted')).toBe('false');
      await chooseBackend(page, 'cpu');
      expect((await runAndWait(page)).status).toMatch(/Done/);
      expect(await asked()).toBe(1);
      const download = page.waitForEvent('download');
      await warning.getByRole('button', { name: 'Back up this pipeline' }).click();
      expect((await download).suggestedFilename()).toMatch(/\.pipelab\.json$/);
      await page.reload();
      await page.getByTestId('storage-usage').waitFor();
      await expect.poll(asked).toBe(1); // Asked again once per session when something is saved already.
      await screenshot(page, 'storage-eviction-warning');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
