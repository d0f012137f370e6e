import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Where the e2e run leaves its screenshots. */
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** Launches Debian's headless Chromium with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
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
