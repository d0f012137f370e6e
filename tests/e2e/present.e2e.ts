import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot } from './browser';

// Issue 17: presentation mode fits a 1280×720 projector; the normal layout at 1366×768
// shows the scores and the main chart above the fold.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Asserts that the element's box lies inside the viewport (nothing to scroll to). */
async function expectInView(page: Page, selector: string, what: string) {
  const box = await page.locator(selector).first().boundingBox();
  const view = page.viewportSize()!;
  expect(box, `${what} is drawn`).not.toBeNull();
  const b = box!;
  const inside = b.x >= 0 && b.y >= 0 && b.x + b.width <= view.width + 0.5 && b.y + b.height <= view.height + 0.5;
  expect(inside, `${what} at ${JSON.stringify(b)} inside ${view.width}×${view.height}`).toBe(true);
}

async function openAndRun(page: Page, title: string) {
  await page.getByRole('button', { name: `Open ${title}` }).click();
  await page.waitForFunction(() => (window as unknown as { pipelab?: { runner: { backend: unknown } } }).pipelab?.runner.backend, undefined, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('run-relation').waitFor({ timeout: 120_000 });
}

const MAIN_CHART: Record<string, string> = {
  Spiral: '.decision-boundary',
  'Handwritten digits': 'figure:has(> figcaption:text("Confusion matrix"))',
  'Diabetes progression': '.regression-charts',
};

describe('presentation mode', () => {
  for (const [title, mainChart] of Object.entries(MAIN_CHART)) {
    it(`shows the pipeline, metrics, loss and main chart of ${title} at 1280×720 without scrolling`, async () => {
      const { page, errors } = await openApp(browser, '?present');
      await page.setViewportSize({ width: 1280, height: 720 });
      await openAndRun(page, title);
      expect(await page.getByTestId('workbench').getAttribute('class')).toContain('present');
      await page.screenshot({ path: (await screenshot(page, `present-${title.split(' ')[0].toLowerCase()}`)).replace('.png', '-viewport.png') });
      await expectInView(page, '.step-list', 'the pipeline');
      await expectInView(page, '.metric-cards', 'the metric cards');
      await expectInView(page, 'figure:has(> figcaption:text("Loss per epoch"))', 'the loss chart');
      await expectInView(page, mainChart, 'the main chart');
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('is a remembered toolbar toggle; parameters open beside the results', async () => {
    const { page, errors } = await openApp(browser);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openAndRun(page, 'Spiral');
    const toggle = page.getByRole('button', { name: 'Present' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toContain('?present');
    await page.getByRole('button', { name: 'Edit parameters of model' }).click();
    const drawer = page.getByTestId('param-drawer');
    await drawer.waitFor();
    await page.screenshot({ path: (await screenshot(page, 'present-editing')).replace('.png', '-viewport.png') });
    await expectInView(page, '[data-testid=param-drawer]', 'the parameters');
    await expectInView(page, '.metric-cards', 'the metric cards while editing');
    await expectInView(page, '.decision-boundary', 'the boundary while editing');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('step-model-head');
    await page.reload();
    await page.getByTestId('workbench').waitFor();
    expect(await page.getByTestId('workbench').getAttribute('class')).toContain('present');
    await page.getByRole('button', { name: 'Present' }).click();
    expect(await page.getByTestId('workbench').getAttribute('class')).not.toContain('present');
    expect(page.url()).not.toContain('present');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the normal layout at 1366×768', () => {
  for (const [title, mainChart] of Object.entries(MAIN_CHART)) {
    it(`shows the metrics and the main chart of ${title} above the fold`, async () => {
      const { page, errors } = await openApp(browser);
      await page.setViewportSize({ width: 1366, height: 768 });
      await openAndRun(page, title);
      await page.screenshot({ path: (await screenshot(page, `normal-1366-${title.split(' ')[0].toLowerCase()}`)).replace('.png', '-viewport.png') });
      await expectInView(page, '.metric-cards', 'the metric cards');
      await expectInView(page, mainChart, 'the main chart');
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
