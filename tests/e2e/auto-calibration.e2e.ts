// Auto's backend chosen by measurement, on this machine: Chromium's WebGL is SwiftShader, so no
// calibration runs, Auto stays on cpu, and the toolbar says why; nothing is remembered.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Auto backend on a machine without a GPU', () => {
  it('stays on cpu, says there is no GPU, and names the software renderer on hover', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Open Iris flowers' }).click();
    await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    const note = page.getByTestId('auto-note');
    await note.waitFor({ timeout: 60_000 });
    expect(await note.textContent()).toBe('· no GPU');
    expect(await note.getAttribute('title')).toMatch(/^WebGL renderer: .*SwiftShader/i);
    const remembered = await page.evaluate(async () => {
      const app = (window as unknown as { pipelab: { workspace: { db: { settings: { get(k: string): Promise<unknown> } } } } }).pipelab;
      return (await app.workspace.db.settings.get('calibration')) ?? null;
    });
    expect(remembered).toBeNull(); // nothing measured, nothing stored
    await screenshot(page, 'auto-no-gpu');
    expect(errors).toEqual([]);
    await page.close();
  });
});
