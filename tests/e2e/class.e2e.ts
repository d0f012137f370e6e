// Issue 20, the class without a server: a teacher makes an assignment from iris, three students in empty
// browsers run it and hand in (two cpu, one wasm), the teacher pastes their links and the board explains.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKEND, runAndWait, teacherAssignment } from './teacher';
import { launchBrowser, openApp, screenshot } from './browser';
import { readQr } from './qr-helpers';
import { decodeAssignmentLink } from '../../src/class/assignment';
import { resultUrl } from '../../src/class/result-code';
import { code } from '../class/fixtures';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A student in a fresh browser context: opens the assignment, runs (on `backend`), hands in as `name`; returns the result link. */
async function student(link: string, name: string, backend: 'cpu' | 'wasm'): Promise<{ page: Page; result: string; errors: string[] }> {
  const { page, errors } = await openApp(browser, link.slice(link.indexOf('#')));
  await page.getByTestId('shared-banner').waitFor({ timeout: 30_000 });
  await page.locator(BACKEND, { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('shared-banner').textContent()).not.toContain("Author's result"); // hidden until run
  if (backend === 'wasm') {
    await page.getByLabel('Backend').selectOption('wasm');
    await page.locator(BACKEND, { hasText: 'wasm' }).waitFor({ timeout: 60_000 });
  }
  await runAndWait(page);
  await page.getByTestId('author-check').waitFor();
  await page.getByTestId('student-name').fill(name);
  await page.getByTestId('hand-in-button').click();
  await page.getByTestId('result-qr').waitFor({ timeout: 30_000 });
  return { page, result: await page.getByTestId('result-link').inputValue(), errors };
}

describe('the class board (issue 20)', () => {
  it('three students hand in, two on cpu and one on wasm; the board groups them and names the first differing step', async () => {
    const { page: teacher } = await openApp(browser);
    const link = await teacherAssignment(teacher);
    expect(link).toMatch(/#share=1\./);
    const size = Number((await teacher.getByTestId('assignment-size').textContent())?.match(/\d+/)?.[0]);
    expect(size).toBe(link.length);
    expect(link.length - link.indexOf('#')).toBeLessThanOrEqual(1000 - 40); // leaves 40 characters for the deployment's address
    // The QR code on screen reads back (with jsQR) as the very same link.
    expect(await readQr(teacher, await teacher.getByTestId('assignment-qr').screenshot())).toBe(link);
    await screenshot(teacher, 'class-assignment-dialog');
    await teacher.getByRole('button', { name: 'Show QR full screen' }).click();
    await teacher.getByTestId('qr-fullscreen-image').waitFor();
    await teacher.screenshot({ path: 'test-results/screenshots/class-assignment-qr-fullscreen.png' });
    expect(await readQr(teacher, await teacher.getByTestId('qr-fullscreen-image').screenshot())).toBe(link);
    await teacher.getByTestId('qr-fullscreen').getByRole('button', { name: 'Close' }).click();
    await teacher.getByTestId('open-board').click();
    await teacher.getByTestId('class-board').waitFor();

    const ada = await student(link, 'Ada', 'cpu');
    const bo = await student(link, 'Bo', 'cpu');
    const cy = await student(link, 'Cy', 'wasm');
    await screenshot(cy.page, 'class-student-handed-in');
    expect(ada.result).toMatch(/#result=1\./);
    expect(await readQr(cy.page, await cy.page.getByTestId('result-qr').screenshot())).toBe(cy.result);

    await teacher.getByTestId('paste-codes').fill([ada.result, bo.result, cy.result].join('\n'));
    await teacher.getByTestId('add-codes').click();
    await teacher.getByTestId('board-message').filter({ hasText: '3 results added' }).waitFor();
    const groups = await teacher.getByTestId('board-groups').locator('li .label').allTextContents();
    expect(groups[0]).toBe("2 identical to the teacher's run ✓");
    expect(groups[1]).toMatch(/^1 differs: wasm, float32 \(Chrome, Linux\) — first differing step: model$/);
    await teacher.getByTestId('dot-plot').locator('circle').first().waitFor();
    expect(await teacher.getByTestId('dot-plot').locator('circle').count()).toBe(3);
    expect(await teacher.getByTestId('teacher-mark').count()).toBe(1);
    expect(await teacher.getByTestId('student-rows').locator('tbody tr').count()).toBe(3);
    await screenshot(teacher, 'class-board');

    // Survives a reload: the board is in IndexedDB and listed on the start page.
    await teacher.reload();
    await teacher.getByRole('button', { name: 'All pipelines' }).click({ timeout: 30_000 });
    await teacher.getByRole('region', { name: 'Class boards' }).getByRole('button').first().click();
    await teacher.getByTestId('board-groups').waitFor();
    expect(await teacher.getByTestId('board-groups').locator('li').count()).toBe(2);

    // Pasting again adds nothing; a code for another assignment is refused with a clear message.
    const other = cy.result.replace(/#result=1\..*/, '#result=1.AAAA');
    await teacher.getByTestId('paste-codes').fill(`${ada.result}\n${other}`);
    await teacher.getByTestId('add-codes').click();
    await teacher.getByTestId('board-message').filter({ hasText: '0 results added, 1 already on the board, 1 refused' }).waitFor();

    // CSV export: one row per student.
    const download = teacher.waitForEvent('download');
    await teacher.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(4);
    expect(csv).toContain('Cy,');

    // A student's link clicked while the app is open (from a chat) lands on the board too.
    const { assignment } = await decodeAssignmentLink(link);
    const dee = await resultUrl(code({ assignment: assignment!.id, name: 'Dee', at: Date.now() }), link.split('#')[0]);
    await teacher.goto(dee);
    await teacher.getByTestId('student-rows').locator('td.name', { hasText: 'Dee' }).waitFor({ timeout: 30_000 });
    expect(await teacher.getByTestId('board-message').textContent()).toBe('1 result added.');
    expect(teacher.url()).not.toContain('#result=');
    for (const s of [ada, bo, cy]) {
      expect(s.errors).toEqual([]);
      await s.page.close();
    }
    await teacher.close();
  });
});
