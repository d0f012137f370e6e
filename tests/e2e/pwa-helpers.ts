import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * A fresh browser context (its own storage and service workers) with one page on url; errors are
 * collected. `init` runs in every page before the app's own scripts.
 */
export async function openAt(browser: Browser, url: string, init?: () => void): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return { context, page, errors };
}

/** Waits until the service worker controls the page (the header says "Works offline ✓"). */
export async function waitUntilOfflineReady(page: Page): Promise<void> {
  await page.locator('[data-testid=offline-badge][data-state=ready]').waitFor({ timeout: 90_000 });
}

/** Picks a backend and waits until the engine reports it. */
export async function chooseBackend(page: Page, backend: 'cpu' | 'wasm' | 'webgl'): Promise<void> {
  await page.getByLabel('Backend').selectOption(backend);
  await page.locator('[data-testid=active-backend] strong', { hasText: backend }).waitFor({ timeout: 60_000 });
}

/** When the run on display started (a new run changes it even when its result hash is the same). */
function shownRunStart(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as unknown as { pipelab: { runner: { view: { record: { startedAt: string } } | null } } }).pipelab.runner.view?.record.startedAt ?? null);
}

/** Clicks Run and waits until that run ends; returns the run status text and the result hash. */
export async function runAndWait(page: Page): Promise<{ status: string; hash: string | null }> {
  const before = await shownRunStart(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction(
    (prev) => {
      const status = document.querySelector('[data-testid=run-status]')?.textContent ?? '';
      const view = (window as unknown as { pipelab: { runner: { view: { record: { startedAt: string } } | null } } }).pipelab.runner.view;
      return /Done|Failed|Cancelled/.test(status) && (view?.record.startedAt ?? null) !== prev;
    },
    before,
    { timeout: 90_000 },
  );
  return {
    status: (await page.getByTestId('run-status').textContent()) ?? '',
    hash: await page.locator('[data-testid=result-hash]').getAttribute('data-hash').catch(() => null),
  };
}

/** The names and entry counts of the page origin's caches. */
export function cacheContents(page: Page): Promise<[string, number][]> {
  return page.evaluate(async () => {
    const names = await caches.keys();
    return Promise.all(names.map(async (n) => [n, (await (await caches.open(n)).keys()).length] as [string, number]));
  });
}
