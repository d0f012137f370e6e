// Issue 8, retraining: re-importing a file under the same name makes it the next version of that
// data set; the pipelines reading it move to it and, with auto-run on, retrain without pressing Run;
// each run records which version it read.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const WINE = readFileSync('public/datasets/wine.csv', 'utf8');
/** Version 2 of the file: the same columns, a third of the rows dropped (so the results must change). */
const WINE_V2 = WINE.split('\n').filter((_line, i) => i === 0 || i % 3 !== 0).join('\n');

async function pick(page: Page, text: string): Promise<void> {
  await page.getByLabel('Import a data file').setInputFiles({ name: 'cellar.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
}

const resultHash = (page: Page) => page.locator('[data-testid=result-hash]').getAttribute('data-hash');

describe('retraining when the data gets a new version', () => {
  it('re-importing the file offers version 2; adopting it retrains the pipeline with auto-run on and the run says version 2', async () => {
    const { page, errors } = await openApp(browser);
    await pick(page, WINE);
    await page.getByRole('button', { name: 'Open as pipeline' }).click();
    await page.getByTestId('app-notice').filter({ hasText: 'Imported cellar.csv' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Backend').selectOption('cpu');
    await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('run-status').filter({ hasText: 'Done' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('data-version').filter({ hasText: 'cellar.csv version 1' }).waitFor();
    const first = await resultHash(page);
    await page.getByLabel('Auto-run').check();

    await page.getByRole('button', { name: 'All pipelines' }).click();
    await pick(page, WINE_V2);
    const offer = page.getByTestId('data-version-offer');
    await offer.filter({ hasText: '1 pipeline reads it' }).waitFor();
    await screenshot(page, 'retrain-offer');
    await offer.getByRole('button', { name: 'Use as version 2 of cellar.csv' }).click();

    // No Run pressed: auto-run retrains the pipeline on version 2.
    await page.getByTestId('app-notice').filter({ hasText: 'cellar.csv version 2: 1 pipeline now read it' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('data-version').filter({ hasText: 'cellar.csv version 2' }).waitFor({ timeout: 90_000 });
    const second = await resultHash(page);
    expect(second).toMatch(/^[0-9a-f]{64}$/);
    expect(second).not.toBe(first);
    await expect.poll(() => page.getByRole('tab', { name: /Runs/ }).textContent()).toBe('Runs (2)');
    await screenshot(page, 'retrained');
    expect(errors).toEqual([]);
    await page.close();
  });
});
