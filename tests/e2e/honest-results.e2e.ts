// Issue 21: the baseline beside the score, the warning card on a model that learns nothing, and the notebook download.
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

async function openExample(title: string): Promise<Page> {
  const { page } = await openApp(browser);
  await page.getByRole('button', { name: `Open ${title}` }).click();
  await page.getByLabel('Backend').selectOption('cpu');
  await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
  return page;
}

async function runAndWait(page: Page) {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('run-status').filter({ hasText: /Done|Failed/ }).waitFor({ timeout: 120_000 });
}

describe('honest first results', () => {
  it('a model on noise that does not beat its baseline gets a warning card that leads to the model step', async () => {
    const page = await openExample('Leakage: the honest score');
    await runAndWait(page);
    // Unchanged, the demo tells its failure as the lesson: no warning card.
    const note = page.getByTestId('result-lesson-note');
    await note.waitFor({ timeout: 30_000 });
    expect(await note.textContent()).toMatch(/Expected in this demo:.*nothing to learn/);
    expect(await page.locator('.result-warning').count()).toBe(0);
    await screenshot(page, 'baseline-lesson-note');
    // Any edit makes it the user's own pipeline: the same result now gets the card.
    await page.locator('#seed-input').fill('7');
    await page.locator('#seed-input').press('Enter');
    await runAndWait(page);
    const card = page.getByTestId('result-warning-below-baseline');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getByRole('heading').textContent()).toBe('The model does not beat the baseline');
    expect(await card.textContent()).toMatch(/always predicting “class \d” \(the most common class in the training rows\) scores \d+\.\d%/);
    expect(await page.getByTestId('metric-baseline').textContent()).toMatch(/^baseline \d+\.\d%$/);
    await screenshot(page, 'baseline-warning');
    await page.getByTestId('result-warning').getByRole('button', { name: 'Go to the model step “model”' }).click();
    await expect.poll(() => page.locator('.step-card.selected').getAttribute('data-step-id')).toBe('model');
    await page.close();
  });

  it('iris shows its baseline next to the score and no warning', async () => {
    const page = await openExample('Iris flowers');
    await runAndWait(page);
    await page.getByTestId('metric-baseline').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('metric-baseline').textContent()).toMatch(/^baseline 3\d\.\d%$/);
    expect(await page.locator('.result-warning').count()).toBe(0);
    await page.close();
  });

  it('downloads the pipeline as a Jupyter notebook', async () => {
    const page = await openExample('Iris flowers');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export notebook (.ipynb)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('iris-logistic-regression.ipynb');
    const nb = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { nbformat: number; cells: { cell_type: string; source: string[] }[] };
    expect(nb.nbformat).toBe(4);
    const code = nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join('')).join('\n');
    expect(code).toContain('LogisticRegression');
    expect(code).toContain('test_idx');
    await page.close();
  });
});
