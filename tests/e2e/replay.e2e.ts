import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchBrowser, openApp, screenshot } from './browser';

// Issue 19 items 1 and 3: the training replay of the spiral example in real Chromium. The grids
// are read from the page: the drawn boundary's `data-cells` and the run result's
// `data-result-cells` (both the predicted class per grid cell, comma-separated).


let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const drawnCells = (page: Page) => page.locator('[data-testid="boundary-card"] .decision-boundary').getAttribute('data-cells');
const resultCells = (page: Page) => page.getByTestId('boundary-card').getAttribute('data-result-cells');
const shownEpoch = async (page: Page) => Number(await page.getByTestId('replay').getAttribute('data-epoch'));
/** The drawn network's weights: each path's colour and width and the lines it draws. */
const networkLines = (page: Page) =>
  page.locator('[data-testid="network-view"] g.weights path').evaluateAll((paths) => paths.map((p) => `${p.getAttribute('stroke')}:${p.getAttribute('stroke-width')}:${p.getAttribute('d')}`).join('|'));

async function scrubTo(page: Page, epoch: number): Promise<void> {
  await page.getByRole('slider', { name: 'Replay epoch' }).fill(String(epoch));
  await page.waitForFunction((e) => document.querySelector('[data-testid="replay"]')?.getAttribute('data-epoch') === String(e), epoch);
}

describe('training replay (spiral example)', () => {
  it('scrubs, plays, pauses and steps through the training; the boundary and network follow and end at the result', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Open Spiral' }).click();
    await page.waitForFunction(() => (window as unknown as { pipelab?: { runner: { backend: unknown } } }).pipelab?.runner.backend, undefined, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const replay = page.getByTestId('replay');
    await replay.waitFor();
    await expect(replay.textContent()).resolves.toContain('the same seed trains exactly this way again');
    // After the run the replay stands at the last epoch: the result itself.
    expect(await shownEpoch(page)).toBe(120);
    const result = await resultCells(page);
    expect(result).toBeTruthy();
    expect(await drawnCells(page)).toBe(result);
    const linesAtEnd = await networkLines(page);
    // Every unit of the 2-32-32-2 network is drawn.
    await expect(page.locator('[data-testid="network-view"] circle').count()).resolves.toBe(2 + 32 + 32 + 2);
    await screenshot(page, 'replay-epoch-120');

    await scrubTo(page, 1);
    const first = await drawnCells(page);
    expect(first).not.toBe(result);
    expect(await networkLines(page)).not.toBe(linesAtEnd);
    await expect(page.getByTestId('replay-caption').textContent()).resolves.toMatch(/^Epoch 1 of 120 · accuracy: train \d+\.\d%, test \d+\.\d%$/);
    await screenshot(page, 'replay-epoch-1');

    await scrubTo(page, 60);
    const middle = await drawnCells(page);
    expect(middle).not.toBe(first);
    await expect(page.getByTestId('replay-caption').textContent()).resolves.toContain('Epoch 60 of 120');
    await screenshot(page, 'replay-epoch-60');

    await scrubTo(page, 120);
    expect(await drawnCells(page)).toBe(result);
    expect(await networkLines(page)).toBe(linesAtEnd);

    // Step moves exactly one epoch each way.
    await scrubTo(page, 60);
    await page.getByRole('button', { name: 'Forward one epoch' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="replay"]')?.getAttribute('data-epoch') === '61');
    await page.getByRole('button', { name: 'Back one epoch' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="replay"]')?.getAttribute('data-epoch') === '60');

    // Play advances the epoch; pause stops it where it is.
    await scrubTo(page, 1);
    await page.getByRole('button', { name: 'Play the replay' }).click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="replay"]')?.getAttribute('data-epoch')) > 3);
    await page.getByRole('button', { name: 'Pause the replay' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="replay"]')?.getAttribute('data-playing') === 'false');
    const paused = await shownEpoch(page);
    expect(paused).toBeGreaterThan(3);
    // Paused: the epoch stays put while the page goes on (a few animation frames and a settled DOM).
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(await shownEpoch(page)).toBe(paused);

    // The replay UI has no serious or critical accessibility violations.
    expect(await seriousViolations(page, '[data-testid="replay"]')).toEqual([]);

    // After a reload the stored run shows without its replay, which was kept in memory only, and says so.
    await page.reload();
    await expect(page.getByTestId('replay-absent').textContent()).resolves.toContain('Replays are kept for the latest run in this tab only');
    expect(await page.getByTestId('replay').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('updates the decision boundary live while the spiral trains', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Open Spiral' }).click();
    await page.waitForFunction(() => (window as unknown as { pipelab?: { runner: { backend: unknown } } }).pipelab?.runner.backend, undefined, { timeout: 60_000 });
    // A long training (the live boundary starts after 0.3 s of it), cancelled once the boundary has been seen.
    await page.locator('#model-epochs').fill('2000');
    await page.locator('#model-epochs').press('Enter');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByText('Decision boundary (training…)').waitFor();
    expect((await drawnCells(page))?.split(',')).toHaveLength(80 * 80);
    await screenshot(page, 'replay-live-boundary');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Decision boundary (training…)').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
