import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core (a pinned devDependency) run on a page, for every e2e file that checks accessibility.

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe-core's serious and critical violations inside the parts of the page the selectors name (the
 * whole document when none are given), as text: impact, rule, help and the first elements with axe's
 * own summary. axe is evaluated through the DevTools protocol, so the app's CSP does not block it.
 */
export async function seriousViolations(page: Page, ...selectors: string[]): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const context = include.length > 0 ? { include: include.map((s) => [s]) } : document;
    return (await axe.run(context, { resultTypes: ['violations'] })).violations;
  }, selectors);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`);
}
