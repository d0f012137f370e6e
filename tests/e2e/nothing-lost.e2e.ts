import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, openSecondTab, screenshot } from './browser';

// Issue 16, defects 1 and 2: edits from two tabs, and edits followed at once by a reload
// or by leaving the page. The pauses below are what a user does between actions; the
// tests assert only that no edit is lost (and that the user is told of each conflict).

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const LONG = { timeout: 30_000 };

async function openIris(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open Iris flowers' }).click();
  await page.locator('#seed-input').waitFor(LONG);
  await saved(page);
}

async function saved(page: Page): Promise<void> {
  await page.locator('[data-testid=save-state][data-state=saved]').waitFor(LONG);
}

async function setSeed(page: Page, seed: number): Promise<void> {
  await page.locator('#seed-input').fill(String(seed));
  await page.locator('#seed-input').press('Enter');
}

/** The open pipeline as stored: the head's seed, every version's seed, and how many versions hold an edit kept from a conflict. */
function stored(page: Page): Promise<{ head: number; versions: number[]; keptFromConflicts: number }> {
  return page.evaluate(async () => {
    const ws = (window as unknown as { pipelab: { workspace: { currentId: string; db: StoredDb } } }).pipelab.workspace;
    const row = await ws.db.pipelines.get(ws.currentId);
    const versions = (await ws.db.versions.toArray()).filter((v) => v.pipelineId === ws.currentId);
    return {
      head: row!.spec.seed,
      versions: versions.map((v) => v.spec.seed),
      keptFromConflicts: versions.filter((v) => v.label === 'edit kept from a conflict').length,
    };
  });
}

/** How many conflicts a tab told its user of (the notice's count; 0 when it shows none). */
async function conflictsTold(page: Page): Promise<number> {
  const notice = page.getByTestId('conflict-notice');
  if ((await notice.count()) === 0) return 0;
  expect(await notice.textContent()).toContain('kept in Versions');
  return Number(await notice.getAttribute('data-count'));
}

type StoredDb = {
  pipelines: { get(id: string): Promise<{ spec: { seed: number } } | undefined> };
  versions: { toArray(): Promise<{ pipelineId: string; label: string; spec: { seed: number } }[]> };
};

describe('nothing is lost (issue 16)', () => {
  it('two tabs setting the seed alternately, 30 edits 0.9 s apart: every value is in the head or the history', async () => {
    const { page: a, errors } = await openApp(browser);
    await openIris(a);
    const { page: b, errors: errorsB } = await openSecondTab(a);
    await b.locator('#seed-input').waitFor(LONG);
    await saved(b);
    const values: number[] = [];
    for (let i = 0; i < 30; i++) {
      const seed = 1000 + i;
      values.push(seed);
      await setSeed(i % 2 === 0 ? a : b, seed);
      await a.waitForTimeout(900);
    }
    await saved(a);
    await saved(b);
    const now = await stored(a);
    const kept = new Set([now.head, ...now.versions]);
    expect(values.filter((v) => !kept.has(v))).toEqual([]);
    expect((await conflictsTold(a)) + (await conflictsTold(b))).toBe(now.keptFromConflicts);
    // Both tabs end on what is stored.
    await expect.poll(() => a.locator('#seed-input').inputValue(), LONG).toBe(String(now.head));
    await expect.poll(() => b.locator('#seed-input').inputValue(), LONG).toBe(String(now.head));
    await a.getByRole('tab', { name: /Versions/ }).click();
    await screenshot(a, 'two-tabs-versions');
    expect([...errors, ...errorsB]).toEqual([]);
    await b.close();
    await a.close();
  });

  it('typing a seed while the other tab\'s save arrives: the typing is not overwritten, and both values are kept', async () => {
    const { page: a, errors } = await openApp(browser);
    await openIris(a);
    const { page: b, errors: errorsB } = await openSecondTab(a);
    await b.locator('#seed-input').waitFor(LONG);
    await saved(b);
    await a.locator('#seed-input').fill('4001'); // typed, not yet committed
    await setSeed(b, 4002);
    await saved(b);
    // Tab A has taken B's save into its editor (its stored head is what A now edits from)…
    await expect.poll(() => a.evaluate(() => (window as unknown as { pipelab: { editor: { spec: { seed: number } } } }).pipelab.editor.spec.seed), LONG).toBe(4002);
    // …and what the user is typing is still there; committing it keeps both values.
    expect(await a.locator('#seed-input').inputValue()).toBe('4001');
    await a.locator('#seed-input').press('Enter');
    await expect.poll(async () => (await stored(a)).head, LONG).toBe(4001);
    const now = await stored(a);
    expect(now.versions).toContain(4002);
    expect([...errors, ...errorsB]).toEqual([]);
    await b.close();
    await a.close();
  });

  it('typing a parameter while the other tab\'s save of it arrives: the typing survives, and both values are kept', async () => {
    const { page: a, errors } = await openApp(browser);
    await openIris(a);
    const { page: b, errors: errorsB } = await openSecondTab(a);
    await b.locator('#model-epochs').waitFor(LONG);
    await saved(b);
    await a.locator('#model-epochs').fill('301'); // typed, not yet committed
    await b.locator('#model-epochs').fill('302');
    await b.locator('#model-epochs').press('Enter');
    await saved(b);
    const epochs = (page: Page) => page.evaluate(() => (window as unknown as { pipelab: { editor: { spec: { steps: { id: string; params: { epochs?: number } }[] } } } }).pipelab.editor.spec.steps.find((s) => s.id === 'model')!.params.epochs);
    await expect.poll(() => epochs(a), LONG).toBe(302); // A has taken B's save…
    expect(await a.locator('#model-epochs').inputValue()).toBe('301'); // …and the typing is still there
    await a.locator('#model-epochs').press('Enter');
    const storedEpochs = () => a.evaluate(async () => {
      const ws = (window as unknown as { pipelab: { workspace: { currentId: string; db: { pipelines: { get(id: string): Promise<{ spec: { steps: { id: string; params: { epochs?: number } }[] } } | undefined> }; versions: { toArray(): Promise<{ pipelineId: string; spec: { steps: { id: string; params: { epochs?: number } }[] } }[]> } } } } }).pipelab.workspace;
      const of = (spec: { steps: { id: string; params: { epochs?: number } }[] }) => spec.steps.find((s) => s.id === 'model')!.params.epochs;
      const row = await ws.db.pipelines.get(ws.currentId);
      return { head: of(row!.spec), versions: (await ws.db.versions.toArray()).filter((v) => v.pipelineId === ws.currentId).map((v) => of(v.spec)) };
    });
    await expect.poll(async () => (await storedEpochs()).head, LONG).toBe(301);
    expect((await storedEpochs()).versions).toContain(302);
    expect([...errors, ...errorsB]).toEqual([]);
    await b.close();
    await a.close();
  });

  it('two tabs editing at the same moment: both edits kept, and each conflict is told', async () => {
    const { page: a, errors } = await openApp(browser);
    await openIris(a);
    const { page: b, errors: errorsB } = await openSecondTab(a);
    await b.locator('#seed-input').waitFor(LONG);
    await saved(b);
    await Promise.all([setSeed(a, 3001), setSeed(b, 3002)]);
    await saved(a);
    await saved(b);
    const now = await stored(a);
    const kept = new Set([now.head, ...now.versions]);
    expect([3001, 3002].filter((v) => !kept.has(v))).toEqual([]);
    const told = [await conflictsTold(a), await conflictsTold(b)];
    expect(told[0] + told[1]).toBe(now.keptFromConflicts);
    const notified = told[0] > 0 ? a : told[1] > 0 ? b : null;
    if (notified) await screenshot(notified, 'two-tabs-conflict-notice');
    expect([...errors, ...errorsB]).toEqual([]);
    await b.close();
    await a.close();
  });

  it('closing a tab right after an edit: the other tab open on the pipeline saves it and shows it', async () => {
    // The tab that closes is the second one (closing the first closes the browser context).
    const { page: b, errors: errorsB } = await openApp(browser);
    await openIris(b);
    const { page: a, errors } = await openSecondTab(b);
    await a.locator('#seed-input').waitFor(LONG);
    await saved(a);
    await setSeed(a, 5001);
    await a.close();
    await expect.poll(() => b.locator('#seed-input').inputValue(), LONG).toBe('5001');
    await expect.poll(async () => (await stored(b)).head, LONG).toBe(5001);
    expect(await b.getByTestId('conflict-notice').count()).toBe(0);
    expect([...errors, ...errorsB]).toEqual([]);
    await b.close();
  });

  it('a reload 0, 20, 50, 100 or 250 ms after an edit keeps the edit', async () => {
    const { page, errors } = await openApp(browser);
    await openIris(page);
    for (const [i, delay] of [0, 20, 50, 100, 250].entries()) {
      const seed = 2000 + i;
      await setSeed(page, seed);
      if (delay > 0) await page.waitForTimeout(delay);
      await page.reload();
      await expect.poll(() => page.locator('#seed-input').inputValue(), LONG).toBe(String(seed));
      await expect.poll(async () => (await stored(page)).head, LONG).toBe(seed);
    }
    expect(await page.getByTestId('conflict-notice').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaving the page 0, 50 or 150 ms after an edit keeps the edit', async () => {
    const { page, errors } = await openApp(browser);
    await openIris(page);
    for (const [i, delay] of [0, 50, 150].entries()) {
      const seed = 4000 + i;
      await setSeed(page, seed);
      if (delay > 0) await page.waitForTimeout(delay);
      await page.goto('about:blank');
      await page.goto(inject('baseUrl'));
      await expect.poll(() => page.locator('#seed-input').inputValue(), LONG).toBe(String(seed));
      await expect.poll(async () => (await stored(page)).head, LONG).toBe(seed);
    }
    expect(await page.getByTestId('conflict-notice').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
