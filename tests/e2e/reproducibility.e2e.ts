import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN } from '../fixtures/golden';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface AppHandle {
  pipelab: {
    ready: boolean;
    runner: { view: { record: { resultHash: string | null; status: string } } | null };
    setBackend(b: string): Promise<void>;
    openExample(id: string): Promise<boolean>;
    run(): Promise<void>;
  };
}

describe('the browser reproduces the CLI bit for bit on the cpu backend', () => {
  it('gives every gallery example its pinned golden result hash', async () => {
    const { page, errors } = await openApp(browser);
    const names = Object.keys(GOLDEN);
    await page.waitForFunction(() => (window as unknown as AppHandle).pipelab?.ready);
    const hashes = await page.evaluate(async (list) => {
      const app = (window as unknown as AppHandle).pipelab;
      await app.setBackend('cpu');
      const out: Record<string, string | null> = {};
      for (const name of list) {
        if (!(await app.openExample(name))) {
          out[name] = 'not in the gallery';
          continue;
        }
        await app.run();
        out[name] = app.runner.view?.record.resultHash ?? null;
      }
      return out;
    }, names);
    for (const name of names) expect(hashes[name], name).toBe(GOLDEN[name].resultHash);
    expect(errors).toEqual([]);
    await page.close();
  });
});
