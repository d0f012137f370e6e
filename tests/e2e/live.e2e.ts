// Issue 22, the live class session: a relay started by the test on 127.0.0.1, one teacher and three
// students in separate contexts joining by link; hand-ins reach the board with no paste, the teacher's
// learning-rate change reaches every student, and the relay going down and coming back loses nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from '../../src/cli/relay/relay-server';
import { BACKEND, runAndWait, teacherAssignment } from './teacher';
import { launchBrowser, openApp, screenshot } from './browser';
import { decodeAssignmentLink } from '../../src/class/assignment';
import { liveRoots } from '../../src/share/live-doc';
import { connectClient, synced, until } from '../cli/relay-clients';

let browser: Browser;
let relay: Relay;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipelab-live-e2e-'));
beforeAll(async () => {
  browser = await launchBrowser();
  relay = await startRelay({ port: 0, dataDir });
});
afterAll(async () => {
  await browser?.close();
  await relay?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The teacher's live assignment over the test's relay, with the board open and connected. */
async function teacherLive(): Promise<{ page: Page; link: string }> {
  const { page } = await openApp(browser);
  const link = await teacherAssignment(page, { relayUrl: relay.url, openBoard: true, beforeMaking: async (p) => void (await screenshot(p, 'live-assignment-dialog')) });
  return { page, link };
}

async function student(link: string, name: string): Promise<Page> {
  const { page } = await openApp(browser, link.slice(link.indexOf('#')));
  await page.getByTestId('shared-banner').waitFor({ timeout: 30_000 });
  await page.getByTestId('live-status').filter({ hasText: 'Live: connected' }).waitFor({ timeout: 30_000 });
  await page.locator(BACKEND, { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
  await runAndWait(page);
  await page.getByTestId('student-name').fill(name);
  await page.getByTestId('hand-in-button').click();
  await page.getByTestId('result-qr').waitFor({ timeout: 30_000 });
  return page;
}

describe('live class session (issue 22)', () => {
  it('hand-ins stream to the board, a pushed change reaches every student, and a relay restart loses nothing', async () => {
    const { page: teacher, link } = await teacherLive();
    expect(link).not.toContain('token');
    const students = [];
    for (const name of ['Ada', 'Bo', 'Cy']) students.push(await student(link, name));
    const handins = teacher.getByTestId('live-handins').locator('li');
    await expect.poll(() => handins.count(), { timeout: 60_000 }).toBe(3);
    expect(await teacher.getByTestId('live-handins').textContent()).not.toContain('does not verify');
    await expect.poll(() => teacher.getByTestId('live-peers').textContent(), { timeout: 30_000 }).toMatch(/Connected \(3\)/);
    await teacher.getByTestId('board-groups').waitFor();
    await screenshot(teacher, 'live-board');

    await teacher.getByTestId('live-edit').click();
    await teacher.locator('#model-learningRate').fill('1');
    await teacher.locator('#model-learningRate').press('Enter');
    for (const page of students) {
      await page.getByTestId('live-notice').filter({ hasText: 'learning rate → 1' }).waitFor({ timeout: 30_000 });
      expect(await page.locator('#model-learningRate').inputValue()).toBe('1');
    }
    await screenshot(students[0], 'live-student-pushed');

    // A hostile client with a student's link tries to rewrite the pipeline and another student's hand-in:
    // the relay refuses; every screen carries on with the teacher's pipeline.
    const live = (await decodeAssignmentLink(link)).assignment!.live!;
    const hostile = connectClient(live.relay, live.room);
    await synced(hostile, 'the hostile client to sync');
    const [someSlot] = [...liveRoots(hostile.doc).handins.keys()];
    liveRoots(hostile.doc).pipeline.set('seed', 7);
    await until('the relay to refuse the pipeline rewrite', () => hostile.closes.some((c) => c.code === 4403));
    hostile.stop();
    const again = connectClient(live.relay, live.room);
    await synced(again, 'the second hostile client to sync');
    liveRoots(again.doc).handins.set(someSlot, { code: 'x', publicKey: 'AA', signature: 'AA', at: 1 });
    await until('the relay to refuse the hand-in overwrite', () => again.closes.some((c) => c.code === 4403));
    again.stop();
    for (const page of students) expect(await page.getByTestId('live-status').textContent()).toBe('Live: connected');
    for (const page of students) expect(await page.locator('#model-learningRate').inputValue()).toBe('1');

    const port = relay.port;
    await relay.close();
    for (const page of students) await page.getByTestId('live-status').filter({ hasText: 'offline — will resync' }).waitFor({ timeout: 30_000 });
    await screenshot(students[1], 'live-student-offline');
    // Cy runs the teacher's new version and hands in while the relay is down: kept, sent on reconnect.
    await runAndWait(students[2]);
    await students[2].getByTestId('student-name').fill('Cy again');
    await students[2].getByTestId('hand-in-button').click();
    await students[2].getByTestId('result-qr').waitFor({ timeout: 30_000 });
    relay = await startRelay({ port, dataDir });
    for (const page of students) await page.getByTestId('live-status').filter({ hasText: 'Live: connected' }).waitFor({ timeout: 60_000 });
    await teacher.getByRole('button', { name: 'All pipelines' }).click();
    await teacher.locator('.board-list button').first().click();
    await teacher.getByTestId('class-board').waitFor();
    await teacher.getByTestId('live-status').filter({ hasText: 'Live: connected' }).waitFor({ timeout: 60_000 });
    await teacher.getByTestId('live-handins').filter({ hasText: 'Cy again' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => teacher.getByTestId('live-peers').textContent(), { timeout: 30_000 }).toMatch(/Connected \(3\)/);
    expect(await handins.count()).toBe(3); // Cy's slot holds Cy's newer hand-in; Ada's and Bo's are still there
    expect(await teacher.getByTestId('live-handins').textContent()).toMatch(/Ada[\s\S]*Bo|Bo[\s\S]*Ada/);
    expect(await teacher.getByTestId('live-handins').textContent()).not.toContain('does not verify');
    await screenshot(teacher, 'live-board-after-restart');
    for (const page of students) expect(await page.locator('#model-learningRate').inputValue()).toBe('1');
  });
});
