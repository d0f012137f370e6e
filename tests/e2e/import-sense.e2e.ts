import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { irisWithIdAndLeak } from '../fixtures/real/iris-id-leak';
import { launchBrowser, openApp, screenshot } from './browser';

// Real public data: Seattle weather from the vega-datasets npm package, with a row-number id column added (tests/fixtures/real/SOURCES.md).
const SEATTLE_ID = readFileSync('tests/fixtures/real/seattle-weather-with-id.csv');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The share of the most frequent value of the last column: what always predicting it scores. */
function majorityShare(csv: string): number {
  const counts = new Map<string, number>();
  const rows = csv.trim().split('\n').slice(1);
  for (const row of rows) {
    const label = row.split(',').at(-1)!;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return Math.max(...counts.values()) / rows.length;
}

async function preview(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel('Import a data file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByTestId('import-columns').waitFor({ timeout: 60_000 });
}

const note = (page: Page, column: string) => page.locator(`[data-testid=import-columns] tr[data-column="${column}"] [data-testid=column-note]`);
const useBox = (page: Page, column: string) => page.getByLabel(`Use ${column} as a feature`);

describe('column sense in the import preview', () => {
  it('flags the real Seattle weather date and id, leaves the id out, and the default pipeline beats the majority baseline', async () => {
    const { page, errors } = await openApp(browser);
    await preview(page, 'seattle-weather-with-id.csv', SEATTLE_ID);
    expect(await note(page, 'date').textContent()).toContain('date — used as date parts');
    expect(await note(page, 'id').textContent()).toContain('id-like');
    expect(await useBox(page, 'id').isChecked()).toBe(false);
    expect(await useBox(page, 'date').isChecked()).toBe(true);
    await screenshot(page, 'import-sense-seattle');
    await page.getByRole('button', { name: 'Open as pipeline' }).click();
    await page.getByTestId('app-notice').filter({ hasText: 'Imported seattle-weather-with-id.csv' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Backend').selectOption('cpu');
    await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('run-status').filter({ hasText: /Done|Failed/ }).waitFor({ timeout: 120_000 });
    const accuracy = Number((await page.getByTestId('metric-accuracy').textContent())!.replace('%', '')) / 100;
    expect(accuracy).toBeGreaterThan(majorityShare(SEATTLE_ID.toString('utf8')));
    expect(await page.locator('.step-list > li[data-step-id=dates]').count()).toBe(1);
    await screenshot(page, 'import-sense-seattle-run');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('flags and leaves out an id column and a relabelled copy of the target, and takes one back in a click', async () => {
    const { page, errors } = await openApp(browser);
    await preview(page, 'iris-id-leak.csv', Buffer.from(irisWithIdAndLeak()));
    await page.getByLabel('Target column').selectOption('species');
    expect(await note(page, 'sample_id').textContent()).toContain('id-like');
    expect(await note(page, 'species_code').textContent()).toContain('likely target leak');
    expect(await useBox(page, 'sample_id').isChecked()).toBe(false);
    expect(await useBox(page, 'species_code').isChecked()).toBe(false);
    expect(await useBox(page, 'petal_length_cm').isChecked()).toBe(true);
    await note(page, 'species_code').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-sense-leak');
    await page.getByRole('button', { name: 'Use species_code anyway' }).click();
    expect(await useBox(page, 'species_code').isChecked()).toBe(true);
    expect(await note(page, 'species_code').textContent()).toContain('you chose to use it');
    expect(errors).toEqual([]);
    await page.close();
  });
});
