import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, openSecondTab, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openIrisOnCpu(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(browser);
  await opened.page.getByRole('button', { name: 'Open Iris flowers' }).click();
  await opened.page.getByLabel('Backend').selectOption('cpu');
  await opened.page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
  return opened;
}

async function setParam(page: Page, id: string, value: string) {
  await page.locator(`#${id}`).fill(value);
  await page.locator(`#${id}`).press('Enter');
}

async function saved(page: Page) {
  await page.locator('[data-testid=save-state][data-state=saved]').waitFor({ timeout: 30_000 });
}

async function run(page: Page): Promise<string> {
  const runsBefore = await page.getByRole('tab', { name: /Runs/ }).textContent();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('tab', { name: /Runs/ }).filter({ hasNotText: runsBefore ?? '' }).waitFor({ timeout: 60_000 });
  return (await page.locator('[data-testid=result-hash]').getAttribute('data-hash')) ?? '';
}

describe('nothing is lost: workspace, versions and runs in IndexedDB', () => {
  it('restores the pipeline, its selection and its results after a reload', async () => {
    const { page, errors } = await openIrisOnCpu();
    await page.getByLabel('Pipeline name').fill('My iris');
    await setParam(page, 'model-learningRate', '0.05');
    const hash = await run(page);
    await page.getByRole('button', { name: /Standardize \(scale\)/ }).click();
    await page.locator('.data-view').waitFor();
    await saved(page);
    await page.reload();
    await page.locator('[data-testid=result-hash]').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Pipeline name').inputValue()).toBe('My iris');
    expect(await page.locator('#model-learningRate').inputValue()).toBe('0.05');
    expect(await page.locator('[data-testid=result-hash]').getAttribute('data-hash')).toBe(hash);
    expect(await page.locator('.data-view h3').textContent()).toContain('scale');
    expect(await page.getByLabel('Backend').inputValue()).toBe('cpu');
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.getByRole('button', { name: 'Download model' }).click();
    await expect.poll(() => downloads.length).toBe(2);
    expect(downloads.sort()).toEqual([expect.stringMatching(/^pipelab-[0-9a-f]{8}\.json$/), expect.stringMatching(/^pipelab-[0-9a-f]{8}\.weights\.bin$/)]);
    await page.getByRole('button', { name: 'All pipelines' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Open pipeline My iris' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('compares two of three runs with the differing parameter highlighted, and restores an older version', async () => {
    const { page } = await openIrisOnCpu();
    const hashes: string[] = [];
    for (const rate of ['0.1', '0.05', '0.02']) {
      await setParam(page, 'model-learningRate', rate);
      hashes.push(await run(page));
    }
    await page.getByRole('tab', { name: 'Runs (3)' }).click();
    await page.getByRole('checkbox', { name: 'Select run 1' }).check();
    await page.getByRole('checkbox', { name: 'Select run 2' }).check();
    await page.getByRole('button', { name: /Compare selected \(2\)/ }).click();
    const differing = page.locator('.compare-params tr.differs');
    await expect.poll(() => differing.count()).toBe(1); // the comparison loads the runs first
    expect(await differing.getAttribute('data-key')).toBe('model.learningRate');
    expect(await differing.textContent()).toMatch(/0\.1.*0\.05/);
    expect(await page.locator('.compare-params tr[data-key="model.epochs"]').isVisible()).toBe(false);
    await page.getByRole('img', { name: 'Loss curves of the compared runs' }).waitFor();
    await screenshot(page, 'runs-compare');

    await page.getByRole('tab', { name: /Versions/ }).click();
    const versions = page.locator('.version-item');
    expect(await versions.count()).toBe(3);
    const oldest = versions.last();
    const oldestHash = await oldest.getAttribute('data-hash');
    await versions.first().getByRole('checkbox').check();
    await oldest.getByRole('checkbox').check();
    await page.locator('.version-diff').waitFor();
    expect(await page.locator('.version-diff').textContent()).toMatch(/Learning rate.*0\.1.*0\.02/s);
    await screenshot(page, 'versions-diff');
    await oldest.getByRole('button', { name: /Restore version/ }).click();
    await expect.poll(() => page.locator('#model-learningRate').inputValue()).toBe('0.1');
    await expect.poll(() => page.locator(`.version-item[data-hash="${oldestHash}"] .badge`).textContent()).toBe('current');
    expect(await versions.count()).toBe(3);
    // The display follows the restored version: its own run is on show, not the newer one marked stale.
    await page.getByRole('tab', { name: 'Results' }).click();
    await expect.poll(() => page.locator('[data-testid=result-hash]').getAttribute('data-hash')).toBe(hashes[0]);
    expect(await page.locator('[data-testid=stale-banner]').count()).toBe(0);
    await screenshot(page, 'version-restored-results');
    await page.close();
  });

  it('deletes a pipeline and brings it back with undo', async () => {
    const { page } = await openIrisOnCpu();
    await saved(page);
    await page.getByRole('button', { name: 'All pipelines' }).click();
    await page.getByRole('button', { name: 'Delete Iris: logistic regression' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Open pipeline Iris: logistic regression' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Open pipeline Iris: logistic regression' }).waitFor();
    await page.getByRole('button', { name: 'Duplicate Iris: logistic regression' }).click();
    await expect.poll(() => page.getByLabel('Pipeline name').inputValue()).toBe('Iris: logistic regression (copy)');
    await page.close();
  });

  it('keeps two tabs on the same pipeline current with each other', async () => {
    const { page: a } = await openIrisOnCpu();
    await saved(a);
    const { page: b } = await openSecondTab(a);
    await b.locator('#model-learningRate').waitFor();
    await setParam(a, 'model-learningRate', '0.07');
    await expect.poll(() => b.locator('#model-learningRate').inputValue(), { timeout: 30_000 }).toBe('0.07');
    await setParam(b, 'model-epochs', '55');
    await expect.poll(() => a.locator('#model-epochs').inputValue(), { timeout: 30_000 }).toBe('55');
    expect(await a.locator('#model-learningRate').inputValue()).toBe('0.07');
    await b.close();
    await a.close();
  });
});
