import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('automation', () => {
  it('with auto-run on, a param change updates the results without pressing Run; with it off, steps stay stale', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('button', { name: 'Open Iris flowers' }).click();
    await page.getByLabel('Backend').selectOption('cpu');
    await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const hash = page.locator('[data-testid=result-hash]');
    await hash.waitFor({ timeout: 60_000 });
    const first = await hash.getAttribute('data-hash');

    await page.locator('#model-epochs').fill('40');
    await page.locator('#model-epochs').press('Enter');
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('step-status-model').getAttribute('data-light')).toBe('stale');
    expect(await hash.getAttribute('data-hash')).toBe(first);

    await page.getByLabel('Auto-run').check();
    await page.locator('#model-learningRate').fill('0.05');
    await page.locator('#model-learningRate').press('Enter');
    await expect.poll(() => hash.getAttribute('data-hash'), { timeout: 30_000 }).not.toBe(first);
    await expect.poll(() => page.getByTestId('step-status-model').getAttribute('data-light')).toBe('done');
    await expect.poll(() => page.getByRole('tab', { name: /Runs/ }).textContent()).toBe('Runs (2)');
    await page.close();
  });
});
