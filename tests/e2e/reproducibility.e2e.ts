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
    runner: { useBackend(b: string): Promise<void>; view: { record: { resultHash: string | null; status: string } } | null };
    openExample(id: string): boolean;
    run(): Promise<void>;
  };
}

describe('the browser reproduces the CLI bit for bit on the cpu backend', () => {
  it('gives every gallery example its pinned golden result hash', async () => {
    const { page, errors } = await openApp(browser);
    const names = Object.keys(GOLDEN);
    const hashes = await page.evaluate(async (list) => {
      const app = (window as unknown as AppHandle).pipelab;
      await app.runner.useBackend('cpu');
      const out: Record<string, string | null> = {};
      for (const name of list) {
        if (!app.openExample(name)) {
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
