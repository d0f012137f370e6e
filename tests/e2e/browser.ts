import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Where the e2e run leaves its screenshots. */
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** How long a Playwright wait or action may take before it fails: generous, since CI runs on a busy shared 2-core machine. */
export const WAIT_MS = 90_000;

/** Launches Debian's headless Chromium with the flags this machine needs (extra flags for special devices, e.g. a fake camera). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
  // Every context (browser.newPage makes one too) waits up to WAIT_MS for an element or an action, not Playwright's 30 s.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(WAIT_MS);
    return context;
  };
  return browser;
}

/**
 * A page on the app in a fresh browser context (its own empty IndexedDB), with
 * console errors and page errors collected into `errors`. Closing the page closes the context.
 */
export async function openApp(browser: Browser, route = ''): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  const errors = watchErrors(page);
  await page.goto(inject('baseUrl') + route);
  return { page, errors };
}

/** Another tab in the same browser context (same IndexedDB) as `page`. */
export async function openSecondTab(page: Page, route = ''): Promise<{ page: Page; errors: string[] }> {
  const second = await page.context().newPage();
  const errors = watchErrors(second);
  await second.goto(inject('baseUrl') + route);
  return { page: second, errors };
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Saves a full-page screenshot as test-results/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
