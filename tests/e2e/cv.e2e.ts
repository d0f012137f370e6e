import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN } from '../fixtures/golden';
import { launchBrowser, openApp, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function useCpu(page: Page) {
  await page.getByLabel('Backend').selectOption('cpu');
  await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
}

async function waitForDone(page: Page) {
  await page.locator('[data-testid=run-status]', { hasText: /Done|Failed|Cancelled/ }).waitFor({ timeout: 120_000 });
}

describe('k-fold cross-validation in Chromium', () => {
  it('replaces the split by k-fold cross-validation, shows the fold while running, then mean ± std and a per-fold table', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Open Iris flowers' }).click();
    await useCpu(page);
    await page.getByRole('button', { name: 'Remove split' }).click();
    await page.getByRole('button', { name: 'Add K-fold cross-validation' }).click();
    expect(await page.locator('.step-list > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')))).toEqual(['data', 'folds', 'scale', 'model', 'evaluate']);
    // A long training on wasm first, to watch the folds go by (on cpu 100 epochs take a few milliseconds a fold), then cancel it.
    await page.getByLabel('Backend').selectOption('wasm');
    await page.locator('[data-testid=active-backend] strong', { hasText: 'wasm' }).waitFor({ timeout: 60_000 });
    await page.locator('#model-epochs').fill('2000');
    await page.locator('#model-epochs').press('Enter');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('step-status-model').filter({ hasText: /fold [2-5]\/5 epoch \d+\/2000/ }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('run-status').textContent()).toMatch(/Training model, fold [2-5] of 5: epoch/);
    await screenshot(page, 'cv-running');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('run-status').filter({ hasText: 'Cancelled' }).waitFor({ timeout: 60_000 });
    await useCpu(page);
    await page.locator('#model-epochs').fill('100');
    await page.locator('#model-epochs').press('Enter');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForDone(page);
    expect(await page.getByTestId('run-status').textContent()).toMatch(/^Done/);
    // Same steps, ids, params and seed as examples/iris-cv.json: the same bits as the CLI.
    expect(await page.getByTestId('result-hash').getAttribute('data-hash')).toBe(GOLDEN['iris-cv'].resultHash);
    expect(await page.getByTestId('metric-accuracy').textContent()).toMatch(/^96\.0% ± \d+\.\d%$/);
    expect(await page.getByTestId('cv-caption').textContent()).toContain('5-fold cross-validation');
    const rows = page.getByTestId('cv-table').locator('tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await rows.first().locator('th').textContent()).toBe('1');
    expect(await page.getByText('Loss per epoch (last fold of 5)').count()).toBe(1);
    await screenshot(page, 'cv-results');
    expect(errors).toEqual([]);
    await page.close();
  });
});
