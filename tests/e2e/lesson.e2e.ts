import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot } from './browser';

// Issue 17: the lesson fits the room. "Same result" said where people look, stale results
// say so, the shared-link banner follows edits, sliders step on clean values.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openOnCpu(title: string, route = ''): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(browser, route);
  await opened.page.getByRole('button', { name: `Open ${title}` }).click();
  await opened.page.getByLabel('Backend').selectOption('cpu');
  await opened.page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
  return opened;
}

/** Clicks a button that starts a run and waits until the results' top line contains `text`. */
async function runUntil(page: Page, button: string, text: string | RegExp): Promise<string> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const relation = page.getByTestId('run-relation').filter({ hasText: text });
  await relation.waitFor({ timeout: 90_000 });
  return (await relation.textContent()) ?? '';
}

const resultHash = (page: Page) => page.getByTestId('result-hash').getAttribute('data-hash');

describe('reproducibility you can see', () => {
  it('says "Identical to run #1", recomputes from scratch to the same hash, and names a seed change', async () => {
    const { page, errors } = await openOnCpu('Iris flowers');
    await runUntil(page, 'Run', 'Run #1: the first result.');
    const first = await resultHash(page);

    const again = await runUntil(page, 'Run', 'Identical to run #1');
    expect(again).toContain('same pipeline, seed and backend — bit for bit');
    expect(await page.getByTestId('cache-note').textContent()).toMatch(/\d+ of \d+ steps served from the cache/);
    expect(await resultHash(page)).toBe(first);
    await screenshot(page, 'lesson-identical-cached');

    const scratch = await runUntil(page, 'Run again from scratch', 'recomputed from scratch');
    expect(scratch).toMatch(/Identical to run #2 .*Every step was recomputed from scratch: the same result hash/);
    expect(await resultHash(page)).toBe(first);
    const statuses = await page.evaluate(() => (window as unknown as { pipelab: { runner: { view: { record: { steps: { status: string }[] } } } } }).pipelab.runner.view.record.steps.map((s) => s.status));
    expect(statuses.length).toBeGreaterThan(2);
    expect(statuses.every((s) => s === 'done')).toBe(true);
    expect(await page.getByTestId('cache-note').count()).toBe(0);
    await screenshot(page, 'lesson-from-scratch');

    await page.locator('#seed-input').fill('7');
    await page.locator('#seed-input').press('Enter');
    const seeded = await runUntil(page, 'Run', 'New result');
    expect(seeded).toContain('New result: seed changed since run #3');
    expect(await resultHash(page)).not.toBe(first);
    await screenshot(page, 'lesson-new-result');

    await page.getByRole('tab', { name: 'Runs (4)' }).click();
    await page.locator('.runs-table tbody tr').first().waitFor();
    expect(await page.locator('.runs-table thead').textContent()).toContain('Result hash');
    const cells = await page.getByTestId('run-result-hash').allTextContents();
    expect(cells).toHaveLength(4);
    expect(cells.filter((c) => c.includes('= #1'))).toHaveLength(2);
    expect(cells.join(' ')).toContain(first!.slice(0, 8));
    await screenshot(page, 'lesson-runs-hash-column');
    // A wide table scrolls inside its card (the page itself does not), and its row numbers stay in view.
    const scroll = await page.locator('.runs .table-scroll').evaluate((el) => {
      const left = el.getBoundingClientRect().left;
      const number = el.querySelector('tbody tr td.run-number')!;
      el.scrollLeft = el.scrollWidth;
      const x = number.getBoundingClientRect().left - left;
      return { wider: el.scrollWidth > el.clientWidth, moved: el.scrollLeft > 0, pinned: x >= 0 && x < 80, page: document.documentElement.scrollWidth <= window.innerWidth };
    });
    expect(scroll).toEqual({ wider: true, moved: true, pinned: true, page: true });
    await screenshot(page, 'lesson-runs-scrolled');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('stale results say so', () => {
  it('dims the results under a banner after an edit, until the next run', async () => {
    const { page, errors } = await openOnCpu('Iris flowers');
    await runUntil(page, 'Run', 'Run #1');
    expect(await page.getByTestId('stale-banner').count()).toBe(0);
    await page.locator('#model-learningRate').fill('0.05');
    await page.locator('#model-learningRate').press('Enter');
    const banner = page.getByTestId('stale-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('These results are from before your change — Run to update');
    expect(await page.locator('.results-panel.stale-results').count()).toBe(1);
    await screenshot(page, 'lesson-stale');
    await runUntil(page, 'Run', 'New result: pipeline changed since run #1');
    expect(await banner.count()).toBe(0);
    expect(await page.locator('.results-panel.stale-results').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a shared link after an edit', () => {
  it('says the result is no longer comparable, and keeps the reproducing run in the fork', async () => {
    const { page: author } = await openOnCpu('Iris flowers');
    await runUntil(author, 'Run', 'Run #1');
    await author.getByRole('button', { name: 'Share link' }).click();
    const link = await author.getByTestId('share-link').inputValue();
    await author.close();

    const { page: student, errors } = await openApp(browser, link.slice(link.indexOf('#')));
    await student.getByTestId('shared-banner').waitFor({ timeout: 30_000 });
    await student.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    await student.getByRole('button', { name: 'Run', exact: true }).click();
    await student.getByTestId('author-check').filter({ hasText: 'Reproduced ✓' }).waitFor({ timeout: 60_000 });
    const reproduced = await resultHash(student);

    await student.locator('#model-epochs').fill('30');
    await student.locator('#model-epochs').press('Enter');
    const check = student.getByTestId('author-check');
    await check.filter({ hasText: "You changed the pipeline: your result is no longer comparable to the author's" }).waitFor();
    expect(await check.textContent()).not.toContain('Reproduced');
    await screenshot(student, 'lesson-shared-changed');
    await student.getByRole('tab', { name: 'Runs (1)' }).click();
    await student.locator('.runs-table tbody tr').first().waitFor();
    expect(await student.getByTestId('run-result-hash').first().locator('[data-hash]').getAttribute('data-hash')).toBe(reproduced);
    expect(errors).toEqual([]);
    await student.close();
  });
});

describe('versions and sliders', () => {
  it("shows each version's headline metric and steps sliders on clean values", async () => {
    const { page, errors } = await openOnCpu('Iris flowers');
    await runUntil(page, 'Run', 'Run #1');
    const slider = page.getByLabel('Learning rate slider');
    const value = page.locator('#model-learningRate');
    expect(await value.inputValue()).toBe('0.1');
    await slider.focus();
    await slider.press('ArrowLeft');
    await expect.poll(() => value.inputValue()).toBe('0.03');
    await slider.press('ArrowRight');
    await slider.press('ArrowRight');
    await expect.poll(() => value.inputValue()).toBe('0.3');
    const epochs = page.getByLabel('Epochs slider');
    const before = Number(await page.locator('#model-epochs').inputValue());
    await epochs.focus();
    await epochs.press('ArrowRight');
    await expect.poll(() => page.locator('#model-epochs').inputValue()).toBe(String(before + 1));
    await runUntil(page, 'Run', 'New result');

    await page.getByRole('tab', { name: /Versions/ }).click();
    const metrics = page.getByTestId('version-metric');
    await metrics.first().waitFor();
    expect(await metrics.count()).toBe(2);
    for (const text of await metrics.allTextContents()) expect(text).toMatch(/^Accuracy \d+\.\d%$/);
    await screenshot(page, 'lesson-versions');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('keyboard: focus after Open and the skip link', () => {
  it('puts focus on the editor heading after Open, and the skip link jumps to the results', async () => {
    const { page, errors } = await openApp(browser);
    const open = page.getByRole('button', { name: 'Open Iris flowers' });
    await open.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('workbench').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('editor-title');
    expect(await page.locator('#editor-title').textContent()).toContain('Iris: logistic regression');

    // The skip link comes first in the page: one Shift+Tab back from the header's first button.
    await page.getByRole('button', { name: 'pipelab: home' }).focus();
    await page.keyboard.press('Shift+Tab');
    const skip = page.getByRole('link', { name: 'Skip to the results' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'lesson-skip-link');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('results-area');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    expect(errors).toEqual([]);
    await page.close();
  });
});
