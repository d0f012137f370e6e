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

const RATES = ['0.03', '0.1', '0.3'];

async function rows(page: Page, status: string): Promise<number> {
  return page.locator(`.sweep-table tbody tr[data-status=${status}]`).count();
}

/**
 * Has the sweep queue stop at point `index` (from 0), marked running and in flight, through the
 * app's documented test hook: what the test does next (a reload, a cancel) lands at a known point.
 */
async function holdBeforePoint(page: Page, index: number): Promise<void> {
  await page.evaluate((i) => (window as never as { pipelab: { sweep: { holdBeforePoint(i: number): void } } }).pipelab.sweep.holdBeforePoint(i), index);
}

async function setParam(page: Page, id: string, value: string) {
  await page.locator(`#${id}`).fill(value);
  await page.locator(`#${id}`).press('Enter');
}

describe('parameter sweeps', () => {
  it('runs a 3×3 sweep that survives a reload, then opens and pins the best setting', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Open Iris flowers' }).click();
    await page.getByLabel('Backend').selectOption('cpu');
    await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    await setParam(page, 'model-epochs', '200');

    await page.getByRole('tab', { name: /Sweep/ }).click();
    expect(await page.getByLabel('Step 1').inputValue()).toBe('model');
    expect(await page.getByLabel('Parameter 1', { exact: true }).inputValue()).toBe('learningRate');
    await page.getByLabel('Values 1', { exact: true }).fill(RATES.join(', '));
    await page.getByLabel('Seeds').fill('3');
    expect(await page.getByLabel('Rank by').inputValue()).toBe('accuracy');
    // The count names the backend once the worker reports it (a param edit may restart it).
    await expect.poll(() => page.getByTestId('sweep-count').textContent()).toContain('9 runs (3 × 3 seeds) on cpu');
    await holdBeforePoint(page, 3); // the reload lands while the fourth point is in flight
    await page.getByRole('button', { name: 'Start sweep (9 runs)' }).click();

    await page.locator('.sweep-table tbody tr:nth-child(4)[data-status=running]').waitFor({ timeout: 120_000 });
    expect(await rows(page, 'done')).toBe(3);
    await screenshot(page, 'sweep-midway');
    await page.reload();

    // The app reopens the pipeline and resumes the queue by itself; the tab only shows it.
    await page.getByRole('tab', { name: /Sweep/ }).click();
    await page.locator('.sweep-results[data-sweep-status=done]').waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('sweep-progress').textContent()).toBe('9 / 9');
    expect(await rows(page, 'done')).toBe(9);
    const table = page.locator('.sweep-table tbody tr');
    const cells = await table.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(cells.map((c) => [c[1], c[2]])).toEqual(RATES.flatMap((r) => ['42', '43', '44'].map((s) => [r, s])));
    for (const c of cells) expect(c[4]).toMatch(/^\d+(\.\d+)?%$/);
    const hashes = await table.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-result-hash') ?? ''));
    expect(new Set(hashes).size).toBe(9);
    await page.getByRole('img', { name: /Sweep chart: Accuracy against learningRate/ }).waitFor();
    await screenshot(page, 'sweep-finished');

    // Every point is an ordinary stored run of the pipeline, tagged with the sweep.
    expect(await page.getByRole('tab', { name: /Runs/ }).textContent()).toBe('Runs (9)');
    await page.getByRole('tab', { name: /Runs/ }).click();
    expect(await page.locator('.runs-table .sweep-tag').count()).toBe(9);
    await screenshot(page, 'sweep-runs-tab');
    await page.getByRole('tab', { name: /Sweep/ }).click();

    // The best setting: open its run, then pin it as a version (the editor keeps its own values).
    const best = (await page.getByTestId('sweep-best').locator('strong').textContent()) ?? '';
    const bestRate = /learningRate=([\d.]+)/.exec(best)?.[1] ?? '';
    expect(RATES).toContain(bestRate);
    const bestHash = hashes[RATES.indexOf(bestRate) * 3];
    await page.getByRole('button', { name: 'Open best run' }).click();
    await expect.poll(() => page.locator('[data-testid=result-hash]').getAttribute('data-hash')).toBe(bestHash);
    expect(await page.getByRole('tab', { name: 'Results' }).getAttribute('aria-selected')).toBe('true');

    await page.getByRole('tab', { name: /Sweep/ }).click();
    await page.getByRole('button', { name: 'Pin as version' }).click();
    await page.getByRole('status').filter({ hasText: `Pinned “sweep best: learningRate=${bestRate}”` }).waitFor();
    await page.getByRole('tab', { name: /Versions/ }).click();
    const labels = () => page.locator('.version-list input.version-label').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await expect.poll(labels).toEqual([`sweep best: learningRate=${bestRate}`]);
    expect(await page.locator('.version-item.head').count()).toBe(0);
    expect(await page.locator('#model-learningRate').inputValue()).toBe('0.1');

    // A direct run of the best setting with the pipeline's seed gives the very same result hash.
    await setParam(page, 'model-learningRate', bestRate);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('tab', { name: 'Runs (10)' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=result-hash]').getAttribute('data-hash')).toBe(bestHash);
    await page.getByRole('tab', { name: /Sweep/ }).click();
    await screenshot(page, 'sweep-pinned');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sweeps a range × a choice, cancels (the rest stays queued) and resumes with a button', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Open Iris flowers' }).click();
    await page.getByLabel('Backend').selectOption('cpu');
    await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /Sweep/ }).click();
    await page.getByLabel('Values 1 as').selectOption('log');
    await page.getByLabel('Values 1', { exact: true }).fill('0.01, 1, 3');
    await page.getByRole('button', { name: 'Add a parameter' }).click();
    await page.getByLabel('Parameter 2', { exact: true }).selectOption('optimizer');
    const picks = page.getByRole('group', { name: 'Values 2' });
    await picks.getByLabel('Adam').check();
    await picks.getByLabel('SGD', { exact: true }).check();
    await page.getByLabel('Seeds').fill('1');
    expect(await page.getByTestId('sweep-count').textContent()).toContain('6 runs (3 × 2 × 1 seed)');
    await holdBeforePoint(page, 1); // the cancel lands while the second point is in flight
    await page.getByRole('button', { name: 'Start sweep (6 runs)' }).click();
    await page.locator('.sweep-table tbody tr:nth-child(2)[data-status=running]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Cancel sweep' }).click();
    await page.locator('.sweep-results[data-sweep-status=cancelled]').waitFor();
    expect(await rows(page, 'done')).toBe(1);
    expect(await rows(page, 'cancelled')).toBe(5);
    await page.getByRole('button', { name: 'Resume sweep' }).click();
    await page.locator('.sweep-results[data-sweep-status=done]').waitFor({ timeout: 120_000 });
    expect(await rows(page, 'done')).toBe(6);
    const rates = await page.locator('.sweep-table tbody tr td:nth-child(2)').allTextContents();
    expect(rates).toEqual(['0.01', '0.01', '0.1', '0.1', '1', '1']);
    const optimizers = await page.locator('.sweep-table tbody tr td:nth-child(3)').allTextContents();
    expect(optimizers).toEqual(['adam', 'sgd', 'adam', 'sgd', 'adam', 'sgd']);
    await page.getByRole('img', { name: /Sweep chart/ }).waitFor();
    await screenshot(page, 'sweep-two-params');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a second tab on the same sweep does not run its points again (one tab drains the queue)', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Open Iris flowers' }).click();
    await page.getByLabel('Backend').selectOption('cpu');
    await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    await setParam(page, 'model-epochs', '300');
    await page.getByRole('tab', { name: /Sweep/ }).click();
    await page.getByLabel('Values 1', { exact: true }).fill('0.05, 0.5');
    await page.getByLabel('Seeds').fill('3');
    await page.getByRole('button', { name: 'Start sweep (6 runs)' }).click();
    await expect.poll(() => rows(page, 'done'), { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(1);
    const second = await openSecondTab(page);
    await second.page.getByRole('tab', { name: /Sweep/ }).click();
    await second.page.locator('.sweep-results[data-sweep-status=done]').waitFor({ timeout: 120_000 });
    await page.locator('.sweep-results[data-sweep-status=done]').waitFor({ timeout: 10_000 });
    // Had both tabs drained the queue, points would have run twice and left extra runs.
    await expect.poll(() => second.page.getByRole('tab', { name: /Runs/ }).textContent()).toBe('Runs (6)');
    expect(await rows(second.page, 'done')).toBe(6);
    expect([...errors, ...second.errors]).toEqual([]);
    await second.page.close();
    await page.close();
  });
});
