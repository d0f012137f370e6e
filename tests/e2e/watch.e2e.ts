import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchBrowser, openApp, screenshot } from './browser';

// Issue 19: the data is plotted before any model runs; the network view draws the fitted weights.


let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Open ${title}` }).click();
}

/** The number of dots Observable Plot drew in the data scatter. */
function scatterDots(page: Page): Promise<number> {
  return page.locator('[data-testid=data-scatter] svg circle').count();
}

describe('the data first', () => {
  it('plots the spiral before Run, every row a point, test rows hollow', async () => {
    const { page, errors } = await openApp(browser);
    await page.setViewportSize({ width: 1366, height: 768 });
    await open(page, 'Spiral');
    await page.locator('[data-testid=data-scatter] svg').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('run-env').count()).toBe(0); // nothing has run
    await expect.poll(() => scatterDots(page)).toBe(400);
    const hollow = await page.locator('[data-testid=data-scatter] svg g[fill=white] circle').count();
    expect(hollow).toBe(100); // 25 % of 400 rows are test rows
    await expect.poll(() => page.getByLabel('Class counts').textContent()).toContain('blue: 200 (150 train, 50 test)');
    const label = await page.locator('[data-testid=data-scatter] [role=img]').getAttribute('aria-label');
    expect(label).toContain('300 training points filled, 100 test points hollow');
    await screenshot(page, 'watch-spiral-data-before-run');
    expect(await seriousViolations(page, '.data-card')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets the user pick the two columns of the iris scatter, and draws a histogram per column', async () => {
    const { page, errors } = await openApp(browser);
    await page.setViewportSize({ width: 1366, height: 768 });
    await open(page, 'Iris flowers');
    const scatter = page.locator('[data-testid=data-scatter] [role=img]');
    await scatter.waitFor({ timeout: 60_000 });
    const before = await scatter.getAttribute('aria-label');
    const xBefore = await page.locator('[data-testid=data-scatter] svg circle').first().getAttribute('cx');
    await page.getByLabel('x-axis column').selectOption({ index: 2 });
    await page.getByLabel('y-axis column').selectOption({ index: 3 });
    await expect.poll(() => scatter.getAttribute('aria-label')).not.toBe(before);
    const after = (await scatter.getAttribute('aria-label')) ?? '';
    const names = await page.getByLabel('x-axis column').locator('option').allTextContents();
    expect(after).toContain(`Scatter of ${names[3]} against ${names[2]}`);
    await expect.poll(() => page.locator('[data-testid=data-scatter] svg circle').first().getAttribute('cx')).not.toBe(xBefore);
    expect(await page.getByTestId('column-histogram').count()).toBe(4);
    await page.locator('.data-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'watch-iris-columns-picked');
    expect(await seriousViolations(page, '.data-card')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the data first, with text columns', () => {
  it('plots the penguins the split divides, with a bar chart for each text column', async () => {
    const { page, errors } = await openApp(browser);
    await page.setViewportSize({ width: 1366, height: 768 });
    await open(page, 'Palmer penguins');
    await page.locator('[data-testid=data-scatter] svg').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('.data-card figcaption').textContent()).toContain('output of clean');
    const summary = (await page.locator('.data-summary').textContent()) ?? '';
    const rows = Number(/(\d+) rows/.exec(summary)?.[1]);
    expect(rows).toBeGreaterThan(300);
    expect(rows).toBeLessThan(344); // incomplete rows were dropped before the split
    expect(await page.locator('.histograms').getAttribute('open')).not.toBeNull(); // six columns: open at once
    expect(await page.getByTestId('column-histogram').count()).toBe(6);
    const labels = await page.locator('[data-testid=column-histogram] [role=img]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(labels).toContain('Bar chart of counts of Island, stacked by class');
    await page.getByLabel('y-axis column').selectOption('Body Mass (g)');
    await expect.poll(() => page.locator('[data-testid=data-scatter] [role=img]').getAttribute('aria-label')).toContain('Scatter of Body Mass (g)');
    await page.locator('.data-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'watch-penguins-data');
    expect(await seriousViolations(page, '.data-card')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the network', () => {
  it('draws every unit and weight of the spiral MLP after Run', async () => {
    const { page, errors } = await openApp(browser);
    await page.setViewportSize({ width: 1366, height: 768 });
    await open(page, 'Spiral');
    await page.waitForFunction(() => (window as unknown as { pipelab?: { runner: { backend: unknown } } }).pipelab?.runner.backend, undefined, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const net = page.getByTestId('network-view');
    await net.waitFor({ timeout: 120_000 });
    expect(await net.locator('circle[data-unit]').count()).toBe(2 + 32 + 32 + 2);
    // Every weight drawn: the weight paths hold one line each (one path per sign and size step).
    expect(Number(await net.locator('g.weights').getAttribute('data-weights'))).toBe(2 * 32 + 32 * 32 + 32 * 2);
    const perPath = await net.locator('g.weights path').evaluateAll((ps) => ps.map((p) => [Number(p.getAttribute('data-weights')), (p.getAttribute('d') ?? '').split('M').length - 1]));
    expect(perPath.reduce((n, [count]) => n + count, 0)).toBe(2 * 32 + 32 * 32 + 32 * 2);
    for (const [count, moves] of perPath) expect(moves).toBe(count);
    expect(await net.getByTestId('network-omitted').count()).toBe(0);
    expect(await net.locator('[role=img]').getAttribute('aria-label')).toContain('layers of 2, 32, 32, 2 units');
    // Lines differ in width and colour: both signs occur.
    const colours = new Set(await net.locator('g.weights path').evaluateAll((ls) => ls.map((l) => l.getAttribute('stroke'))));
    expect(colours.size).toBe(2);
    await page.locator('.network-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'watch-spiral-network');
    expect(await seriousViolations(page, '.network-card')).toEqual([]);
    expect(await seriousViolations(page, '.data-card')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
