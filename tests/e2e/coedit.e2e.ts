// Issue 22 item 3, co-editing in real Chromium with a relay started by the test on 127.0.0.1: the
// teacher and a co-editor (who opened the co-edit link) edit different steps at the same time; both
// edits survive in both browsers, each says who changed what, and a run in each records the merged
// version. A hostile co-editor client (Node) writes an invalid pipeline: both browsers show the error,
// load nothing, run nothing.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRelay, type Relay } from '../../src/cli/relay/relay-server';
import { decodeAssignmentLink } from '../../src/class/assignment';
import { versionHash } from '../../src/engine/fingerprint';
import { liveRoots } from '../../src/share/live-doc';
import { BACKEND, runAndWait, teacherAssignment } from './teacher';
import { seriousViolations } from './axe';
import { launchBrowser, openApp, screenshot } from './browser';
import { until } from '../cli/relay-clients';
import { loadExample } from '../helpers';

let browser: Browser;
let relay: Relay;
beforeAll(async () => {
  browser = await launchBrowser();
  relay = await startRelay({ port: 0 });
});
afterAll(async () => {
  await browser?.close();
  await relay?.close();
});

async function setParam(page: Page, id: string, value: string) {
  await page.locator(`#${id}`).fill(value);
  await page.locator(`#${id}`).press('Enter');
}

/** The teacher: Iris on cpu, run, a live assignment, the board; returns the page and the co-edit link. */
async function teacherWithCoeditLink(): Promise<{ page: Page; coedit: string }> {
  const { page } = await openApp(browser);
  await teacherAssignment(page, { relayUrl: relay.url, openBoard: true });
  await page.getByText('Co-edit link: edit the pipeline together').click();
  const coedit = await page.getByTestId('coedit-link').inputValue();
  await screenshot(page, 'coedit-board-link');
  expect(await seriousViolations(page, '[data-testid=live-panel]', '[data-testid=coedit]')).toEqual([]);
  return { page, coedit };
}

const headHash = (page: Page) => page.locator('.version-item.head').getAttribute('data-hash');

describe('co-editing a live pipeline (issue 22 item 3)', () => {
  it('two browsers edit different steps at once: both edits survive in both, each run records the merged version; an invalid remote edit is shown, never run', async () => {
    const { page: teacher, coedit } = await teacherWithCoeditLink();
    const live = (await decodeAssignmentLink(coedit)).assignment!.live!;
    expect(live.editor).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const { page: ana, errors } = await openApp(browser, coedit.slice(coedit.indexOf('#')));
    await ana.getByTestId('live-edit-bar').getByTestId('live-status').filter({ hasText: 'Live: connected' }).waitFor({ timeout: 60_000 });
    await ana.locator(BACKEND, { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
    await teacher.getByTestId('live-coeditors').filter({ hasText: 'Co-editor' }).waitFor({ timeout: 60_000 });
    await ana.getByTestId('coedit-name').fill('Ana');
    await ana.getByTestId('coedit-name').press('Enter');
    await teacher.getByTestId('live-coeditors').filter({ hasText: 'Ana' }).waitFor({ timeout: 60_000 });
    await teacher.getByTestId('live-edit').click();
    await teacher.getByTestId('live-editors').filter({ hasText: 'Editing with: Ana' }).waitFor({ timeout: 60_000 });
    await ana.getByTestId('live-editors').filter({ hasText: 'Editing with: the teacher' }).waitFor({ timeout: 60_000 });

    for (const page of [teacher, ana]) await page.getByRole('button', { name: 'Show parameters of split' }).click();
    // At the same time, neither waiting for the other: the teacher sets the epochs, the co-editor the test fraction.
    await Promise.all([setParam(teacher, 'model-epochs', '5'), setParam(ana, 'split-testFraction', '0.3')]);
    for (const page of [teacher, ana]) {
      await expect.poll(() => page.locator('#model-epochs').inputValue(), { timeout: 60_000 }).toBe('5');
      await expect.poll(() => page.locator('#split-testFraction').inputValue(), { timeout: 60_000 }).toBe('0.3');
    }
    await teacher.getByTestId('live-notice').filter({ hasText: 'Ana changed the pipeline (test fraction → 0.3) — Run to see.' }).waitFor({ timeout: 60_000 });
    await ana.getByTestId('live-notice').filter({ hasText: 'The teacher changed the pipeline (epochs → 5) — Run to see.' }).waitFor({ timeout: 60_000 });
    await screenshot(ana, 'coedit-merged-coeditor');
    expect(await seriousViolations(ana, '[data-testid=live-edit-bar]')).toEqual([]);

    // Running the merged state in each browser records it as a version there (the same version in both).
    const merged = loadExample('iris-logreg');
    merged.steps.find((s) => s.id === 'split')!.params.testFraction = 0.3;
    merged.steps.find((s) => s.id === 'model')!.params.epochs = 5;
    const mergedHash = await versionHash(merged);
    for (const page of [teacher, ana]) {
      await runAndWait(page);
      await page.getByRole('tab', { name: /Versions/ }).click();
      await expect.poll(() => headHash(page), { timeout: 60_000 }).toBe(mergedHash);
    }
    await screenshot(teacher, 'coedit-teacher-versions');
    const runsBefore = await ana.getByRole('tab', { name: /^Runs/ }).textContent();

    // A hostile client with the co-edit link writes an unknown step kind into the shared pipeline.
    const doc = new Y.Doc();
    const hostile = new WebsocketProvider(live.relay, live.room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, params: { editor: live.editor! }, disableBc: true });
    try {
      await until('the hostile co-editor to sync', () => hostile.synced && liveRoots(doc).pipeline.has('steps'));
      const steps = liveRoots(doc).pipeline.get('steps') as Y.Array<Y.Map<unknown>>;
      const scale = steps.toArray().find((s) => s.get('id') === 'scale')!;
      scale.set('kind', 'transform.no-such-step');
      for (const page of [teacher, ana]) {
        const error = page.getByTestId('live-error');
        await error.filter({ hasText: 'transform.no-such-step' }).waitFor({ timeout: 60_000 });
        expect(await error.textContent()).toMatch(/made a change that cannot be used: .*Your copy is unchanged and nothing was run\./);
        expect(await page.locator('#model-epochs').inputValue()).toBe('5');
        expect(await page.locator('#split-testFraction').inputValue()).toBe('0.3');
        expect(await page.getByTestId('run-status').textContent()).toMatch(/Done/);
      }
      expect(await ana.getByRole('tab', { name: /^Runs/ }).textContent()).toBe(runsBefore);
      await screenshot(teacher, 'coedit-invalid-remote');
      expect(await seriousViolations(teacher, '[data-testid=live-edit-bar]')).toEqual([]);

      // The teacher puts their copy back: the session's pipeline can be used again in both browsers.
      await teacher.getByTestId('live-put-back').click();
      await ana.getByTestId('live-notice').filter({ hasText: 'The session’s pipeline can be used again.' }).waitFor({ timeout: 60_000 });
      expect(await ana.getByTestId('live-error').count()).toBe(0);
      expect(await ana.locator('#model-epochs').inputValue()).toBe('5');
    } finally {
      hostile.destroy();
      doc.destroy();
    }
    expect(errors.filter((e) => !/WebSocket|ERR_CONNECTION/.test(e))).toEqual([]);
  });
});
