import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';
import { launchBrowser, openApp, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const WINE = readFileSync('public/datasets/wine.csv');

/** A CSV too random to compress under the 32 KB a link may embed. */
function bigCsv(): Buffer {
  const rng = new Prng(5);
  const lines = ['a,b,c,d,label'];
  for (let i = 0; i < 3000; i++) lines.push([0, 1, 2, 3].map(() => rng.normal().toFixed(6)).join(',') + (rng.next() < 0.5 ? ',yes' : ',no'));
  return Buffer.from(lines.join('\n') + '\n');
}

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel('Import a data file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByTestId('app-notice').filter({ hasText: `Imported ${name}` }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Backend').selectOption('cpu');
  await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
}

async function runAndWait(page: Page): Promise<string | null> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('run-status').filter({ hasText: /Done|Failed/ }).waitFor({ timeout: 60_000 });
  return page.locator('[data-testid=result-hash]').getAttribute('data-hash').catch(() => null);
}

async function linkOf(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share link' }).click();
  const url = await page.getByTestId('share-link').inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  return url.slice(url.indexOf('#'));
}

describe('your own data', () => {
  it('imports a CSV into a starter pipeline that runs, survives a reload, and travels embedded in a link', async () => {
    const { page, errors } = await openApp(browser);
    await importFile(page, 'my-wine.csv', WINE);
    expect(await page.getByLabel('Pipeline name').inputValue()).toBe('my-wine');
    await page.getByRole('button', { name: 'Show parameters of data' }).click();
    expect(await page.locator('#data-target').inputValue()).toBe('cultivar');
    const hash = await runAndWait(page);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Number((await page.getByTestId('metric-accuracy').textContent())!.replace('%', ''))).toBeGreaterThan(85);
    await screenshot(page, 'imported-data');
    await page.reload();
    await page.locator('[data-testid=result-hash]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    expect(await runAndWait(page)).toBe(hash);
    const link = await linkOf(page);
    const { page: other } = await openApp(browser, link);
    await other.getByTestId('shared-banner').waitFor();
    expect(await other.getByTestId('missing-data').count()).toBe(0);
    await other.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    await runAndWait(other);
    await other.getByTestId('author-check').filter({ hasText: 'Reproduced ✓' }).waitFor();
    expect(errors).toEqual([]);
    await other.close();
    await page.close();
  });

  it('asks the recipient for a file too large to embed, refuses a different one, and reproduces with the right one', async () => {
    const big = bigCsv();
    const { page } = await openApp(browser);
    await importFile(page, 'big.csv', big);
    await runAndWait(page);
    const link = await linkOf(page);
    const { page: other } = await openApp(browser, link);
    const ask = other.getByTestId('missing-data');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('big.csv');
    await other.getByLabel('Choose big.csv').setInputFiles({ name: 'other.csv', mimeType: 'text/csv', buffer: WINE });
    await other.getByRole('alert').filter({ hasText: 'is not the file this pipeline was made with' }).waitFor();
    await other.getByLabel('Choose big.csv').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: big });
    await expect.poll(() => ask.count()).toBe(0);
    await other.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    await runAndWait(other);
    await other.getByTestId('author-check').filter({ hasText: 'Reproduced ✓' }).waitFor();
    await other.close();
    await page.close();
  });

  it('explains a ragged file, naming the row, and keeps the app usable', async () => {
    const { page } = await openApp(browser);
    await page.getByLabel('Import a data file').setInputFiles({ name: 'ragged.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,label\n1,2,x\n3,4\n5,6,y\n') });
    await page.getByRole('alert').filter({ hasText: /could not be imported: Row 3 has 2 fields but the header has 3/ }).waitFor();
    await page.getByRole('button', { name: 'Open Iris flowers' }).click();
    await page.getByLabel('Pipeline name').waitFor();
    await page.close();
  });
});
