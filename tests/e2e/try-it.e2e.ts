// Issue 19 item 4: ask the fitted model about a new point (a click on the decision map) or a new row (the Try it form).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchBrowser, openApp, screenshot } from './browser';


let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openAndRun(title: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(browser);
  const { page } = opened;
  await page.getByRole('button', { name: `Open ${title}` }).click();
  await page.getByLabel('Backend').selectOption('cpu');
  await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('run-status').filter({ hasText: /Done|Failed/ }).waitFor({ timeout: 180_000 });
  return opened;
}

/** The data view's first rows of a step's output (click its title, as a person would), as records by column name. */
async function stepRows(page: Page, stepId: string): Promise<Record<string, string>[]> {
  await page.locator(`#step-${stepId}-head`).click();
  await page.locator('.data-view h3', { hasText: `Output of ${stepId}` }).waitFor();
  const table = page.locator('.rows-table');
  const head = await table.locator('thead th').allTextContents();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return rows.map((cells) => Object.fromEntries(head.map((h, i) => [h, cells[i]])));
}

describe('try it', () => {
  it('spiral: a click deep inside one class region shows that class with probability above 90 %', async () => {
    const { page, errors } = await openAndRun('Spiral');
    // The run's own decision grid picks the point: among cells amid the data (the middle 70 % of the map, not its
    // empty corners), the one whose 5×5 neighbourhood is most surely one class.
    const grid = await page.evaluate(() => {
      const b = (window as unknown as { pipelab: { runner: { view: { boundary: { size: number; cellClass: Int32Array; cellConfidence: Float32Array; classes: string[] } } } } }).pipelab.runner.view.boundary;
      return { size: b.size, cellClass: Array.from(b.cellClass), cellConfidence: Array.from(b.cellConfidence), classes: b.classes };
    });
    let best = { i: 0, j: 0, score: -1 };
    const lo = Math.ceil(grid.size * 0.15);
    const hi = Math.floor(grid.size * 0.85);
    for (let j = lo; j < hi; j++) {
      for (let i = lo; i < hi; i++) {
        const cls = grid.cellClass[j * grid.size + i];
        let score = Infinity;
        for (let dj = -2; dj <= 2; dj++) {
          for (let di = -2; di <= 2; di++) {
            const c = (j + dj) * grid.size + i + di;
            score = Math.min(score, grid.cellClass[c] === cls ? grid.cellConfidence[c] : 0);
          }
        }
        if (score > best.score) best = { i, j, score };
      }
    }
    expect(best.score).toBeGreaterThan(0.9);
    const expected = grid.classes[grid.cellClass[best.j * grid.size + best.i]];
    // The raster image spans the map's frame; grid row 0 is the lowest y (the bottom of the image).
    // The map answers clicks once the engine has said what the run can be asked (the caption then says so),
    // and is drawn for good once the replay under it is ready (it shows the last epoch: the result).
    await page.getByTestId('replay').waitFor();
    await page.locator('[data-testid=boundary-pick-area].pickable').waitFor();
    await page.locator('[data-testid=boundary-card] figcaption', { hasText: 'click to ask the model' }).waitFor();
    const box = (await page.locator('[data-testid=boundary-pick-area] svg image').boundingBox())!;
    await page.mouse.click(box.x + ((best.i + 0.5) / grid.size) * box.width, box.y + (1 - (best.j + 0.5) / grid.size) * box.height);
    const readout = page.getByTestId('boundary-readout');
    await readout.filter({ hasText: 'the model says' }).waitFor();
    const top = readout.locator('.pick-class').first();
    expect(await top.getAttribute('data-class')).toBe(expected);
    const pct = Number((await top.locator('strong').textContent())!.replace(' %', ''));
    expect(pct).toBeGreaterThan(90);
    await page.getByTestId('boundary-pick-area').scrollIntoViewIfNeeded();
    await screenshot(page, 'try-it-spiral-click');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('penguins: the raw values of a test row typed into the form give the species the pipeline predicted for it', async () => {
    const { page, errors } = await openAndRun('Palmer penguins');
    const panel = page.getByTestId('try-it');
    await panel.getByTestId('try-it-predicted').waitFor();
    // The split's output holds the raw values (island and sex as text) and which rows are test rows…
    const split = await stepRows(page, 'split');
    const at = split.findIndex((r) => r.split === 'test');
    expect(at).toBeGreaterThanOrEqual(0);
    const raw = split[at];
    // …and the model's output, row for row, what the pipeline predicted.
    const predicted = (await stepRows(page, 'model'))[at].predicted;
    expect(predicted).toMatch(/^(Adelie|Chinstrap|Gentoo)$/);
    // Start the form from a test row the run predicted another species for, then type the raw values in.
    const options = await panel.getByTestId('try-it-row').locator('option').allTextContents();
    const other = options.findIndex((o) => !o.endsWith(`the run predicted ${predicted}`));
    expect(other).toBeGreaterThan(0);
    await panel.getByTestId('try-it-row').selectOption(String(other));
    await expect.poll(() => panel.getByTestId('try-it-predicted').textContent()).not.toBe(predicted);
    for (const [name, value] of Object.entries(raw)) {
      if (name === 'split' || name === 'Species') continue;
      const field = panel.getByLabel(name, { exact: true });
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
    await expect.poll(() => panel.getByTestId('try-it-predicted').textContent(), { timeout: 30_000 }).toBe(predicted);
    expect(await panel.getByTestId('try-it-p').count()).toBe(3);
    await panel.getByTestId('try-it-edited').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'try-it-penguins-form');
    // A value the pipeline cannot use gets a message, and the model's answer comes back when it is fixed.
    const mass = panel.getByLabel('Body Mass (g)', { exact: true });
    await mass.fill('');
    await panel.getByTestId('try-it-result').filter({ hasText: 'removes this row' }).waitFor();
    await screenshot(page, 'try-it-penguins-message');
    await mass.fill(raw['Body Mass (g)']);
    await expect.poll(() => panel.getByTestId('try-it-predicted').textContent(), { timeout: 30_000 }).toBe(predicted);
    expect(await seriousViolations(page, '[data-testid=try-it]')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('diabetes: the form predicts a number, the one the run predicted for the test row it starts from', async () => {
    const { page, errors } = await openAndRun('Diabetes progression');
    const panel = page.getByTestId('try-it');
    await panel.getByTestId('try-it-predicted').waitFor();
    const first = (await panel.getByTestId('try-it-row').locator('option').first().textContent())!;
    const runPredicted = /the run predicted (.+)$/.exec(first)![1];
    expect(Number(runPredicted)).toBeGreaterThan(0);
    await expect.poll(() => panel.getByTestId('try-it-predicted').textContent()).toBe(runPredicted);
    expect(await panel.getByTestId('try-it-p').count()).toBe(0);
    const bmi = panel.getByLabel('bmi', { exact: true });
    await bmi.fill(String(Number(await bmi.inputValue()) + 10));
    await expect.poll(() => panel.getByTestId('try-it-predicted').textContent()).not.toBe(runPredicted);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'try-it-diabetes-form');
    expect(errors).toEqual([]);
    await page.close();
  });
});
