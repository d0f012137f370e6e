import type { Page } from 'playwright-core';

// What the classroom e2e files share: a run, an example opened on cpu, and a teacher's assignment.

/** The toolbar's active-backend name. */
export const BACKEND = '[data-testid=active-backend] strong';

/** Clicks (or taps) Run and waits until the status says Done or Failed. */
export async function runAndWait(page: Page, tap = false): Promise<void> {
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await (tap ? run.tap() : run.click());
  await page.getByTestId('run-status').filter({ hasText: /Done|Failed/ }).waitFor({ timeout: 120_000 });
}

/** Opens a gallery example by its title, chooses the cpu backend and waits until the toolbar names it. */
export async function openOnCpu(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Open ${title}` }).click();
  await page.getByLabel('Backend').selectOption('cpu');
  await page.locator(BACKEND, { hasText: 'cpu' }).waitFor({ timeout: 60_000 });
}

/** How the teacher makes the assignment: over a relay (live) or not, and with the board opened after. */
export interface AssignmentOptions {
  relayUrl?: string;
  openBoard?: boolean;
  /** Called with the dialog filled in, before the link is made (for a screenshot). */
  beforeMaking?: (page: Page) => Promise<void>;
}

/**
 * The teacher: Iris on cpu, run, Assignment (defaults: result hidden, seed locked; live when a relay
 * is given), the link made; optionally the class board opened (and, live, connected). Returns the link.
 */
export async function teacherAssignment(page: Page, options: AssignmentOptions = {}): Promise<string> {
  await openOnCpu(page, 'Iris flowers');
  await runAndWait(page);
  await page.getByRole('button', { name: 'Assignment' }).click();
  if (options.relayUrl) {
    await page.getByTestId('live-toggle').check();
    await page.getByTestId('relay-url').fill(options.relayUrl);
  }
  await options.beforeMaking?.(page);
  await page.getByRole('button', { name: 'Make assignment link' }).click();
  await page.getByTestId('assignment-qr').waitFor({ timeout: 60_000 });
  const link = await page.getByTestId('assignment-link').inputValue();
  if (options.openBoard) {
    await page.getByTestId('open-board').click();
    await page.getByTestId('class-board').waitFor();
    if (options.relayUrl) await page.getByTestId('live-status').filter({ hasText: 'Live: connected' }).waitFor({ timeout: 60_000 });
  }
  return link;
}
