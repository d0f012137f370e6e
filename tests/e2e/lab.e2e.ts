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

async function openOn(title: string, backend: string): Promise<Page> {
  const { page } = await openApp(browser);
  await page.getByRole('button', { name: `Open ${title}` }).click();
  await page.getByLabel('Backend').selectOption(backend);
  await page.locator('[data-testid=active-backend] strong', { hasText: backend }).waitFor({ timeout: 60_000 });
  return page;
}

async function runAndWait(page: Page) {
  const before = await page.getByRole('tab', { name: /Runs/ }).textContent();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('tab', { name: /Runs/ }).filter({ hasNotText: before ?? '' }).waitFor({ timeout: 60_000 });
}

describe('reproducibility you can see', () => {
  it('reproduces a stored run bit for bit, with its environment card', async () => {
    const page = await openOn('Iris flowers', 'cpu');
    await runAndWait(page);
    const card = page.getByTestId('env-card');
    expect(await card.textContent()).toMatch(/portable ✓.*Backend\s*cpu.*float32.*4\.22\.0/s);
    await page.getByRole('button', { name: 'Reproduce this run' }).click();
    await page.getByTestId('reproduce-result').filter({ hasText: 'bit-identical ✓' }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'reproduce-identical');
    await page.close();
  });

  it('runs a seed study with 5 seeds: 5 distinct points, and the same seed repeated gives one', async () => {
    const page = await openOn('Iris flowers', 'cpu');
    await page.getByRole('tab', { name: 'Reproducibility' }).click();
    await page.getByLabel('Number of seeds').fill('5');
    await page.getByRole('button', { name: 'Run seed study' }).click();
    const values = page.locator('ul.seed-values[data-metric=logLoss] li');
    await expect.poll(() => values.count(), { timeout: 90_000 }).toBe(5);
    const texts = await values.allTextContents();
    expect(new Set(texts.map((t) => t.split(': ')[1])).size).toBe(5);
    await page.locator('.same-seed-line').first().filter({ hasText: '1 distinct' }).waitFor({ timeout: 60_000 });
    await page.getByRole('img', { name: /Seed study of accuracy: 5 seeds/ }).waitFor();
    await screenshot(page, 'seed-study');
    await page.close();
  });

  it('compares the backends: cpu, wasm and webgl, measured against cpu', async () => {
    const page = await openOn('Spiral', 'cpu');
    await page.locator('#model-epochs').fill('20');
    await page.locator('#model-epochs').press('Enter');
    await page.getByRole('tab', { name: 'Reproducibility' }).click();
    await page.getByRole('button', { name: 'Compare backends' }).click();
    for (const backend of ['cpu', 'wasm', 'webgl']) {
      await page.locator(`.backend-table tr[data-backend=${backend}]`).filter({ hasText: /done/ }).waitFor({ timeout: 120_000 });
    }
    expect(await page.locator('.backend-table tr[data-backend=cpu]').textContent()).toContain('reference');
    expect(await page.locator('.backend-table tr[data-backend=wasm]').textContent()).toMatch(/\de-?\d|0\.0/);
    await screenshot(page, 'backend-comparison');
    await page.close();
  });

  it('diffs two runs step by step', async () => {
    const page = await openOn('Iris flowers', 'cpu');
    await runAndWait(page);
    await page.locator('#model-learningRate').fill('0.03');
    await page.locator('#model-learningRate').press('Enter');
    await runAndWait(page);
    await page.getByRole('tab', { name: /Runs/ }).click();
    await page.getByRole('checkbox', { name: 'Select run 1' }).check();
    await page.getByRole('checkbox', { name: 'Select run 2' }).check();
    await page.getByRole('button', { name: /Compare selected \(2\)/ }).click();
    const diff = page.locator('.run-diff');
    await diff.waitFor();
    expect(await diff.locator('.step-compare[data-status=equal]').count()).toBe(3);
    expect(await diff.locator('.step-compare[data-status=different]').count()).toBe(2);
    expect(await diff.locator('.changed-rows').textContent()).toMatch(/of 39 test rows changed prediction/);
    await screenshot(page, 'run-diff');
    await page.close();
  });

  it('warns about leakage in the demo pipeline, shows the inflated score, and fixes the order', async () => {
    const page = await openOn('Leakage: a score too good to be true', 'cpu');
    const warning = page.locator('.leak-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/fitted before the split.*test rows/s);
    await runAndWait(page);
    const leaky = Number((await page.getByTestId('metric-accuracy').textContent())!.replace('%', ''));
    await screenshot(page, 'leakage-warning');
    await page.getByRole('button', { name: 'Move it after the split' }).click();
    await expect.poll(() => warning.count()).toBe(0);
    await runAndWait(page);
    const honest = Number((await page.getByTestId('metric-accuracy').textContent())!.replace('%', ''));
    expect(leaky - honest).toBeGreaterThan(15);
    await page.close();
  });
});
