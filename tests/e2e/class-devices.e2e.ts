// Issue 20 on devices: a camera scan of a result QR code (Chromium's fake camera playing a .y4m frame made
// from the QR image), a refused camera, a hostile name shown as text, and a student on a phone (390×844, touch).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assignmentUrl, decodeAssignmentLink } from '../../src/class/assignment';
import { encodeResultDocument, resultDocument, resultUrl } from '../../src/class/result-code';
import { restorePipeline } from '../../src/core/restore';
import { stepCatalog } from '../../src/steps/catalog';
import { code } from '../class/fixtures';
import { runAndWait, teacherAssignment } from './teacher';
import { seriousViolations } from './axe';
import { launchBrowser, openApp, screenshot } from './browser';
import { pixelsOf, y4mFrame } from './qr-helpers';

const Y4M = path.resolve('test-results/class-fake-camera.y4m');
let camera: Browser;
let plain: Browser;

beforeAll(async () => {
  mkdirSync(path.dirname(Y4M), { recursive: true });
  writeFileSync(Y4M, y4mFrame({ data: new Uint8ClampedArray(4 * 4 * 4).fill(255), width: 4, height: 4 })); // replaced before the scan
  camera = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${Y4M}`]);
  plain = await launchBrowser();
});
afterAll(async () => {
  await camera?.close();
  await plain?.close();
});

/** Iris on cpu, run, an assignment made and its board open; returns the assignment id. */
async function boardIn(page: Page): Promise<string> {
  const link = await teacherAssignment(page, { openBoard: true });
  return (await decodeAssignmentLink(link)).assignment!.id;
}

describe('the class board on devices (issue 20)', () => {
  it('scans a result QR code with the camera (fake capture of a .y4m frame), and shows a hostile name as shortened text', async () => {
    const context = await camera.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true }); // bypassCSP: to inject axe-core
    await context.grantPermissions(['camera']);
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    const id = await boardIn(page);
    const link = await resultUrl(code({ assignment: id, name: 'Scanned Student' }), inject('baseUrl'));
    const png = await QRCode.toBuffer(link, { errorCorrectionLevel: 'L', margin: 4, scale: 3 });
    writeFileSync(Y4M, y4mFrame(await pixelsOf(page, png)));
    await page.getByRole('button', { name: 'Scan QR codes' }).click();
    await page.getByTestId('board-message').filter({ hasText: '1 result added' }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('student-rows').locator('tbody').textContent()).toContain('Scanned Student');
    expect(await page.getByTestId('scan-status').textContent()).toMatch(/Scanned 1 code/);
    await page.getByRole('button', { name: 'Stop camera' }).click();

    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const hostile = `<img src=x onerror=alert(1)><b>bold</b>\u0000\u0007${'<script>alert(2)</script>'.repeat(420)}`;
    expect(hostile.length).toBeGreaterThan(10_000);
    const forged = `${inject('baseUrl')}#${await encodeResultDocument({ ...resultDocument(code({ assignment: id })), n: hostile, t: 2_000_000_000_000 })}`;
    await page.getByTestId('paste-codes').fill(forged);
    await page.getByTestId('add-codes').click();
    await page.getByTestId('student-rows').locator('td.name', { hasText: '<img' }).waitFor();
    const names = await page.getByTestId('student-rows').locator('td.name').allTextContents();
    const shown = names.find((n) => n.startsWith('<img'))!;
    expect(shown.startsWith('<img src=x onerror=alert(1)><b>bold</b>')).toBe(true);
    expect(Array.from(shown).length).toBeLessThanOrEqual(40);
    expect(await page.getByTestId('class-board').locator('img, b, script').count()).toBe(0);
    expect(dialogs).toBe(0);
    await screenshot(page, 'class-board-scanned-hostile');
    expect(await seriousViolations(page, '[data-testid=class-board]')).toEqual([]);
    await context.close();
  });

  it('a refused camera gets a clear message', async () => {
    const { page } = await openApp(plain);
    await boardIn(page);
    await page.getByRole('button', { name: 'Scan QR codes' }).click();
    await page.getByTestId('scan-status').filter({ hasText: /camera is blocked|No camera was found/ }).waitFor({ timeout: 30_000 });
    await page.close();
  });

  it('a student on a phone (390×844, touch) opens the assignment, runs and hands in; no sideways scroll, 44 px targets, no serious axe violation', async () => {
    const iris = restorePipeline(JSON.parse(readFileSync('examples/iris-logreg.json', 'utf8')), stepCatalog);
    const expected = { resultHash: 'a'.repeat(64), backend: 'cpu', floatPrecision: 32, tfjsVersion: '4.22.0', appVersion: '0.1.0', engineVersion: '1', metrics: { accuracy: 0.92 } };
    const link = await assignmentUrl({ spec: iris, expected, data: [] }, { id: 'abcdef012345', hideResult: true, seed: 'locked' }, inject('baseUrl'));
    const context = await plain.newContext({
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, bypassCSP: true, // to inject axe-core
      userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(link);
    await page.getByTestId('shared-banner').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: 'test-results/screenshots/class-phone-1-open.png' });
    await runAndWait(page, true);
    await page.getByTestId('student-name').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/class-phone-2-run.png' });
    await page.getByTestId('student-name').tap();
    await page.getByTestId('student-name').fill('Dee');
    await page.getByTestId('hand-in-button').tap();
    await page.getByTestId('result-qr').waitFor({ timeout: 30_000 });
    await page.getByTestId('result-qr').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/class-phone-3-handed-in.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const target of [page.getByRole('button', { name: 'Run', exact: true }), page.getByTestId('hand-in-button'), page.getByTestId('student-name'), page.getByTestId('hand-in').getByRole('button', { name: 'Copy link' })]) {
      const box = (await target.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    }
    const qr = (await page.getByTestId('result-qr').boundingBox())!;
    expect(qr.width).toBeGreaterThanOrEqual(250);
    // The whole page the student sees on the phone: banner, author check, pipeline, results and hand-in.
    expect(await seriousViolations(page, 'body')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
