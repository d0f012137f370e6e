import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';
import { launchBrowser, openApp, screenshot } from './browser';

let browser: Browser;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pipelab-import-'));
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const WINE = readFileSync('public/datasets/wine.csv');

/** A CSV too random to compress under the 32 KB a link may embed. */
function bigCsv(): Buffer {
  const rng = new Prng(5);
  const lines = ['a,b,c,d,label'];
  for (let i = 0; i < 3000; i++) lines.push([0, 1, 2, 3].map(() => rng.normal().toFixed(6)).join(',') + (rng.next() < 0.5 ? ',yes' : ',no'));
  return Buffer.from(lines.join('\n') + '\n');
}

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel('Import a data file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByRole('button', { name: 'Open as pipeline' }).click({ timeout: 60_000 });
  await page.getByTestId('app-notice').filter({ hasText: `Imported ${name}` }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Backend').selectOption('cpu');
  await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
}

async function runAndWait(page: Page): Promise<string | null> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('run-status').filter({ hasText: /Done|Failed/ }).waitFor({ timeout: 60_000 });
  return page.locator('[data-testid=result-hash]').getAttribute('data-hash').catch(() => null);
}

async function linkOf(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share link' }).click();
  const url = await page.getByTestId('share-link').inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  return url.slice(url.indexOf('#'));
}

describe('your own data', () => {
  it('imports a CSV into a starter pipeline that runs, survives a reload, and travels embedded in a link', async () => {
    const { page, errors } = await openApp(browser);
    await importFile(page, 'my-wine.csv', WINE);
    expect(await page.getByLabel('Pipeline name').inputValue()).toBe('my-wine');
    await page.getByRole('button', { name: 'Show parameters of data' }).click();
    expect(await page.locator('#data-target').inputValue()).toBe('cultivar');
    const hash = await runAndWait(page);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Number((await page.getByTestId('metric-accuracy').textContent())!.replace('%', ''))).toBeGreaterThan(85);
    await screenshot(page, 'imported-data');
    await page.reload();
    await page.locator('[data-testid=result-hash]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    expect(await runAndWait(page)).toBe(hash);
    const link = await linkOf(page);
    const { page: other } = await openApp(browser, link);
    await other.getByTestId('shared-banner').waitFor();
    expect(await other.getByTestId('missing-data').count()).toBe(0);
    await other.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    await runAndWait(other);
    await other.getByTestId('author-check').filter({ hasText: 'Reproduced ✓' }).waitFor();
    expect(errors).toEqual([]);
    await other.close();
    await page.close();
  });

  it('asks the recipient for a file too large to embed, refuses a different one, and reproduces with the right one', async () => {
    const big = bigCsv();
    const { page } = await openApp(browser);
    await importFile(page, 'big.csv', big);
    await runAndWait(page);
    const link = await linkOf(page);
    const { page: other } = await openApp(browser, link);
    const ask = other.getByTestId('missing-data');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('big.csv');
    await other.getByLabel('Choose big.csv').setInputFiles({ name: 'other.csv', mimeType: 'text/csv', buffer: WINE });
    await other.getByRole('alert').filter({ hasText: 'is not the file this pipeline was made with' }).waitFor();
    await other.getByLabel('Choose big.csv').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: big });
    await expect.poll(() => ask.count()).toBe(0);
    await other.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    await runAndWait(other);
    await other.getByTestId('author-check').filter({ hasText: 'Reproduced ✓' }).waitFor();
    await other.close();
    await page.close();
  });

  it('explains a ragged file, naming the line, and keeps the app usable', async () => {
    const { page } = await openApp(browser);
    await page.getByLabel('Import a data file').setInputFiles({ name: 'ragged.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,label\n1,2,x\n3,4\n5,6,y\n') });
    await page.getByRole('alert').filter({ hasText: /ragged.csv could not be imported: Line 3 has 2 fields but the header has 3/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Open Iris flowers' }).click();
    await page.getByLabel('Pipeline name').waitFor();
    await page.close();
  });
});

type Penguin = Record<string, string | number | null>;
const PENGUINS = JSON.parse(readFileSync('public/datasets/penguins.json', 'utf8')) as Penguin[];

/** The bundled penguins (from vega-datasets, public/datasets/SOURCES.md) as a CSV file (missing values left empty, or '.' as the source has them). */
function penguinsCsv(): string {
  const names = Object.keys(PENGUINS[0]);
  const lines = [names.join(','), ...PENGUINS.map((p) => names.map((n) => (p[n] === null ? '' : String(p[n]))).join(','))];
  const file = path.join(tmp, 'penguins.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** A CSV of about 50 MB (1,000,000 rows), generated from a seeded generator. */
function fiftyMegabyteCsv(): { file: string; rows: number } {
  const rng = new Prng(11);
  const rows = 1_000_000;
  const lines = ['x1,x2,x3,x4,group,label'];
  for (let i = 0; i < rows; i++) {
    const x = [0, 1, 2, 3].map(() => rng.normal().toFixed(6));
    lines.push(`${x.join(',')},g${i % 7},${rng.next() < 0.5 ? 'yes' : 'no'}`);
  }
  const file = path.join(tmp, 'big-50mb.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, rows };
}

const textOf = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const cellOf = (page: Page, column: string, testId: string) => page.locator(`[data-testid=import-columns] tr[data-column="${column}"] [data-testid=${testId}]`);

async function stepOrder(page: Page): Promise<string[]> {
  return page.locator('.step-list > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id') ?? ''));
}

/**
 * Records, in the page, every value the import progress bar takes and how many animation frames
 * had run when it took it: events, not a clock (how long tasks take is measured by `npm run bench`).
 */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as never as { progress: { value: string; frames: number }[]; frames: number };
    w.progress = [];
    w.frames = 0;
    const tick = () => {
      w.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new MutationObserver(() => {
      const value = document.querySelector('[data-testid=import-progress]')?.getAttribute('value');
      if (value != null && value !== w.progress[w.progress.length - 1]?.value) w.progress.push({ value, frames: w.frames });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
}

const progressSeen = (page: Page) => page.evaluate(() => (window as never as { progress: { value: string; frames: number }[] }).progress);

describe('the import preview', () => {
  it('shows types and stats, takes the target chosen there, and the pipeline built on it shows ROC curves and AUC', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByLabel('Import a data file').setInputFiles(penguinsCsv());
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await textOf(summary)).toMatch(/344 rows, 7 columns \(CSV, separated by commas/);
    expect(await cellOf(page, 'Species', 'column-type').textContent()).toBe('categorical');
    expect(await cellOf(page, 'Beak Length (mm)', 'column-type').textContent()).toBe('numeric');
    expect(await cellOf(page, 'Beak Length (mm)', 'column-missing').textContent()).toBe(String(PENGUINS.filter((p) => p['Beak Length (mm)'] === null).length));
    expect(await cellOf(page, 'Sex', 'column-missing').textContent()).toBe(String(PENGUINS.filter((p) => p.Sex === null || p.Sex === '.').length));
    expect(await page.getByTestId('import-sample').locator('tbody tr').count()).toBe(10);
    expect(await page.getByLabel('Target column').inputValue()).toBe('Sex');
    await page.getByLabel('Target column').selectOption('Species');
    expect(await page.getByLabel('Task').inputValue()).toBe('classification');
    expect(await page.getByRole('checkbox', { name: 'Use Sex as a feature' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'Use Island as a feature' }).uncheck();
    await screenshot(page, 'import-preview-penguins');
    await page.getByRole('button', { name: 'Open as pipeline' }).click();
    await page.getByTestId('app-notice').filter({ hasText: 'Imported penguins.csv' }).waitFor();
    const data = await page.evaluate(() => (window as never as { pipelab: { editor: { spec: { steps: { params: unknown }[] } } } }).pipelab.editor.spec.steps[0].params);
    expect(data).toMatchObject({ target: 'Species', task: 'classification', columns: ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex'] });
    await page.getByLabel('Backend').selectOption('cpu');
    await page.locator('[data-testid=active-backend] strong', { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    expect(await stepOrder(page)).toEqual(['data', 'clean', 'split', 'encode', 'scale', 'model', 'evaluate']);
    for (const id of ['clean', 'model', 'evaluate']) await page.getByRole('button', { name: `Remove ${id}` }).click();
    await page.getByRole('button', { name: 'Add Fill in missing values' }).click();
    const order = await stepOrder(page);
    const impute = order[order.length - 1];
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: `Move ${impute} up` }).click();
    await page.getByRole('button', { name: 'Add Random forest', exact: true }).click();
    await page.getByRole('button', { name: 'Add ROC, precision-recall and per-class report' }).click();
    const kinds = await page.evaluate(() => (window as never as { pipelab: { editor: { spec: { steps: { kind: string }[] } } } }).pipelab.editor.spec.steps.map((s) => s.kind));
    expect(kinds).toEqual(['data.import', 'split.train-test', 'transform.impute', 'transform.one-hot', 'transform.standardize', 'model.random-forest', 'evaluate.classification-report']);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('run-status').filter({ hasText: /Done|Failed/ }).waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('run-status').textContent()).toMatch(/^Done/);
    await page.getByRole('img', { name: /^ROC curves: Adelie \(AUC/ }).waitFor();
    expect(Number(await page.getByTestId('metric-auc').textContent())).toBeGreaterThan(0.95);
    await screenshot(page, 'import-penguins-forest-roc');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('previews a 50 MB CSV with progress while the page stays responsive, and stores it without freezing', async () => {
    const big = fiftyMegabyteCsv();
    const { page, errors } = await openApp(browser);
    await page.getByLabel('Import a data file').waitFor();
    await watchProgress(page);
    await page.getByLabel('Import a data file').setInputFiles(big.file);
    await page.getByTestId('import-progress').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=import-progress]')?.getAttribute('value')) > 0.3, null, { timeout: 120_000 });
    await screenshot(page, 'import-progress-50mb');
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 180_000 });
    expect(await textOf(summary)).toMatch(/1,000,000 rows, 6 columns/);
    // A million fractional numbers are counted up to 10,000 distinct values, and the cell says so.
    expect(await textOf(page.locator('[data-testid=import-columns] tr[data-column="x1"] td').nth(4))).toBe('10,000+');
    await screenshot(page, 'import-preview-50mb');
    await page.getByRole('button', { name: 'Open as pipeline' }).click();
    await page.getByTestId('app-notice').filter({ hasText: 'Imported big-50mb.csv' }).waitFor({ timeout: 120_000 });
    const progress = await progressSeen(page);
    const stored = await page.evaluate(async () => {
      type Db = { datasets: { toArray(): Promise<{ name: string; text?: string; bytes?: Blob }[]> } };
      const rows = await (window as never as { pipelab: { workspace: { db: Db } } }).pipelab.workspace.db.datasets.toArray();
      return rows.map((r) => ({ name: r.name, text: r.text === undefined ? null : r.text.length, blob: r.bytes instanceof Blob ? r.bytes.size : null }));
    });
    // Stored as the file's bytes (a Blob), not as a 50 MB string.
    expect(stored).toEqual([{ name: 'big-50mb.csv', text: null, blob: readFileSync(big.file).length }]);
    // The bar rose in steps while the file was read, and the page kept painting between them
    // (a main thread blocked for the whole read would run no animation frame in between).
    const values = progress.map((p) => Number(p.value));
    expect(values.length).toBeGreaterThan(2);
    expect(values.every((v, i) => i === 0 || v > values[i - 1])).toBe(true);
    expect(progress[progress.length - 1].frames).toBeGreaterThan(progress[0].frames);
    expect(errors).toEqual([]);
    await page.close();
  });
});
