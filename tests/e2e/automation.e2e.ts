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
    // No clock: the edit is saved (an event), and nothing ran for it; had auto-run been wrongly on,
    // the run it started would also show in the runs count checked at the end (2, not 3).
    await page.locator('[data-testid=save-state][data-state=saved]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('step-status-model').getAttribute('data-light')).toBe('stale');
    expect(await hash.getAttribute('data-hash')).toBe(first);

    await page.getByLabel('Auto-run').check();
    await page.locator('#model-learningRate').fill('0.05');
    await page.locator('#model-learningRate').press('Enter');
    await expect.poll(() => hash.getAttribute('data-hash'), { timeout: 30_000 }).not.toBe(first);
    await expect.poll(() => page.getByTestId('step-status-model').getAttribute('data-light')).toBe('done');
    await expect.poll(() => page.getByRole('tab', { name: /Runs/ }).textContent()).toBe('Runs (2)');
    const stored = await page.evaluate(async () => {
      type Db = { runs: { toArray(): Promise<{ view: { record: { spec: { steps: { id: string; params: Record<string, unknown> }[] } } } }[]> } };
      const runs = await (window as never as { pipelab: { workspace: { db: Db } } }).pipelab.workspace.db.runs.toArray();
      return runs.map((r) => r.view.record.spec.steps.find((s) => s.id === 'model')?.params.learningRate);
    });
    expect(stored.sort()).toEqual([0.05, 0.1]); // the first run, and auto-run's; none for the edit made with auto-run off
    await page.close();
  });
});
