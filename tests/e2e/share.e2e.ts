import { readFileSync } from 'node:fs';
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

async function openIrisOnCpu(): Promise<Page> {
  const { page } = await openApp(browser);
  await page.getByRole('button', { name: 'Open Iris flowers' }).click();
  await page.getByLabel('Backend').selectOption('cpu');
  await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
  return page;
}

async function runAndWait(page: Page) {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('run-status').filter({ hasText: /Done|Failed/ }).waitFor({ timeout: 60_000 });
}

/** The share link the app shows for the pipeline on screen. */
async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share link' }).click();
  const text = await page.getByTestId('share-link').inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  return text;
}

describe('sharing and collaboration', () => {
  it('a link opens in a fresh browser, runs, and says "Reproduced ✓"; editing makes a fork and the original stays intact', async () => {
    const author = await openIrisOnCpu();
    await runAndWait(author);
    const link = await shareLink(author);
    expect(link).toMatch(/#share=1\./);
    expect(link.length).toBeLessThan(8192);

    const { page: student, errors } = await openApp(browser, link.slice(link.indexOf('#')));
    await student.getByTestId('shared-banner').waitFor({ timeout: 30_000 });
    expect(await student.getByTestId('shared-banner').textContent()).toContain('Iris: logistic regression');
    await student.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    await runAndWait(student);
    await student.getByTestId('author-check').filter({ hasText: "Reproduced ✓: identical to the author's run" }).waitFor();
    await screenshot(student, 'shared-reproduced');

    await student.locator('#model-learningRate').fill('0.05');
    await student.locator('#model-learningRate').press('Enter');
    await student.getByTestId('app-notice').filter({ hasText: 'your own copy' }).waitFor();
    expect(await student.getByTestId('shared-banner').count()).toBe(0);
    await student.getByRole('tab', { name: /Versions/ }).click();
    expect(await student.locator('.version-item .version-label').first().inputValue()).toBe('shared original');

    await student.goto(link);
    await student.getByTestId('shared-banner').waitFor();
    expect(await student.locator('#model-learningRate').inputValue()).toBe('0.1');
    await student.getByRole('button', { name: 'All pipelines' }).click();
    await expect.poll(() => student.getByRole('button', { name: /^Open pipeline Iris/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await student.close();
    await author.close();
  });

  it('exports the pipeline as a Python script with the same test rows', async () => {
    const page = await openIrisOnCpu();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Python' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('iris-logistic-regression.py');
    const script = readFileSync((await file.path())!, 'utf8');
    expect(script).toContain('test_idx');
    expect(script).toContain('LogisticRegression');
    await page.close();
  });

  it('exports a bundle and imports it into a fresh browser with the same runs', async () => {
    const page = await openIrisOnCpu();
    await runAndWait(page);
    await page.locator('#model-epochs').fill('30');
    await page.locator('#model-epochs').press('Enter');
    await runAndWait(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export bundle' }).click();
    const file = await (await download).path();

    const { page: other } = await openApp(browser);
    await other.getByLabel('Import a bundle file').setInputFiles(file!);
    await other.getByTestId('app-notice').filter({ hasText: /Imported .*2 new runs/ }).waitFor({ timeout: 30_000 });
    await other.getByRole('tab', { name: 'Runs (2)' }).click();
    await other.locator('.runs-table tbody tr').first().waitFor(); // the tab's code loads on first use
    expect(await other.locator('.runs-table tbody tr').count()).toBe(2);
    await other.getByRole('button', { name: 'All pipelines' }).click();
    await other.getByLabel('Import a bundle file').setInputFiles(file!);
    await other.getByTestId('app-notice').filter({ hasText: /0 new runs, 0 new versions \(merged/ }).waitFor();
    JSON.parse(readFileSync(file!, 'utf8'));
    await other.close();
    await page.close();
  });

  it('refuses a damaged or hostile link with a clear message and keeps saved work', async () => {
    const page = await openIrisOnCpu();
    await page.getByLabel('Pipeline name').fill('Kept safe');
    await page.locator('[data-testid=save-state][data-state=saved]').waitFor();
    await page.evaluate(() => (location.hash = '#share=1.AAAAbroken'));
    await page.getByRole('alert').filter({ hasText: /This link cannot be opened/ }).waitFor();
    expect(await page.getByLabel('Pipeline name').inputValue()).toBe('Kept safe');
    const inline = await page.evaluate(async () => {
      // An allowed inline script runs as it is inserted; a refused one fires a CSP violation event instead.
      const violation = new Promise<string>((r) => document.addEventListener('securitypolicyviolation', (e) => r(e.violatedDirective), { once: true }));
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      const ran = (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
      return { ran, directive: await violation };
    });
    expect(inline.ran).toBe(false);
    expect(inline.directive).toMatch(/^script-src/);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const scriptSrc = csp?.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self' 'wasm-unsafe-eval'");
    await page.close();
  });

  it('shows a script-like pipeline name as plain text', async () => {
    const author = await openIrisOnCpu();
    await author.getByLabel('Pipeline name').fill('<img src=x onerror="document.title=\'pwned\'">');
    const link = await shareLink(author);
    const { page } = await openApp(browser, link.slice(link.indexOf('#')));
    await page.getByTestId('shared-banner').waitFor();
    expect(await page.getByTestId('shared-banner').textContent()).toContain('<img src=x');
    expect(await page.title()).toBe('pipelab');
    await page.close();
    await author.close();
  });
});
