import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchBrowser, openApp, screenshot } from './browser';

// Issue 17: axe-core (a pinned devDependency) checks every screen; a serious or critical
// violation fails the test, with the rule, the first elements and axe's own summary.


let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Screenshots the screen and adds its serious or critical violations to `found` (checked at the end of each test, so one run lists every screen's). */
async function check(page: Page, screen: string, found: string[]): Promise<void> {
  await screenshot(page, `a11y-${screen}`);
  for (const v of await seriousViolations(page)) found.push(`${screen}: ${v}`);
}

async function openAndRun(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Open ${title}` }).click();
  await page.waitForFunction(() => (window as unknown as { pipelab?: { runner: { backend: unknown } } }).pipelab?.runner.backend, undefined, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('run-relation').waitFor({ timeout: 60_000 });
}

describe('no serious or critical accessibility violations (axe-core)', () => {
  it('on the home screen and the editor with each tab open', async () => {
    const found: string[] = [];
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Open Iris flowers' }).waitFor();
    await check(page, 'home', found);
    await openAndRun(page, 'Iris flowers');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('run-relation').filter({ hasText: 'Identical' }).waitFor({ timeout: 60_000 });
    await check(page, 'editor-results', found);
    for (const tab of ['Runs', 'Versions', 'Reproducibility', 'Sweep']) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await page.locator('[role=tabpanel] > *').first().waitFor();
      await check(page, `editor-${tab.toLowerCase()}`, found);
    }
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on the import preview', async () => {
    const found: string[] = [];
    const { page, errors } = await openApp(browser);
    const csv = 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n';
    await page.getByLabel('Import a data file').setInputFiles({ name: 'tiny.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Open as pipeline' }).waitFor({ timeout: 60_000 });
    await check(page, 'import-preview', found);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a shared link (banner and check) and in presentation mode', async () => {
    const found: string[] = [];
    const { page: author } = await openApp(browser);
    await openAndRun(author, 'Iris flowers');
    await author.getByRole('button', { name: 'Share link' }).click();
    const link = await author.getByTestId('share-link').inputValue();
    await author.close();

    const { page, errors } = await openApp(browser, link.slice(link.indexOf('#')));
    await page.getByTestId('shared-banner').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => (window as unknown as { pipelab?: { runner: { backend: unknown } } }).pipelab?.runner.backend, undefined, { timeout: 60_000 });
    await check(page, 'shared-banner', found);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('author-check').waitFor({ timeout: 60_000 });
    await check(page, 'shared-checked', found);
    await page.close();

    const present = await openApp(browser, '?present');
    await present.page.setViewportSize({ width: 1280, height: 720 });
    await openAndRun(present.page, 'Spiral');
    await check(present.page, 'present', found);
    await present.page.getByRole('button', { name: 'Edit parameters of model' }).click();
    await present.page.getByTestId('param-drawer').waitFor();
    await check(present.page, 'present-editing', found);
    expect(found).toEqual([]);
    expect([...errors, ...present.errors]).toEqual([]);
    await present.page.close();
  });
});
