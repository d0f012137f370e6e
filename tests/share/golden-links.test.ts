// Golden share links (issue 6): links made by an earlier pipelab must keep opening in every later one.
//
// tests/fixtures/links/<example>.txt holds one share URL per example, made once (on
// http://localhost:4173/) from examples/<example>.json with its cpu result as `expected`.
// NEVER regenerate or edit these files: they stand for links people have already sent.
// If a format change makes one fail, the fix is a migration (src/core/migrate.ts, or a
// new link encoding version that still reads `share=1.`), not a new fixture. Add new
// fixtures for new examples or formats alongside the old ones; never replace old ones.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeShare } from '../../src/share/link-codec';
import { GOLDEN } from '../fixtures/golden';
import { EXAMPLES, loadExample, run } from '../helpers';
import { GOLDEN_BASE, LINKS_DIR, goldenLink, goldenLinkNames } from './link-test-utils';

/** The examples whose decoded link is also run here (fast ones; tests/engine/golden.test.ts runs them all). */
const RUN_HERE = ['iris-logreg', 'diabetes-linreg', 'circle-logreg'];

describe('golden link fixtures', () => {
  it('there is one committed link per example', () => {
    for (const name of EXAMPLES) expect(existsSync(path.join(LINKS_DIR, `${name}.txt`)), `tests/fixtures/links/${name}.txt`).toBe(true);
  });

  it('each fixture is a single share URL on the app address', () => {
    for (const name of goldenLinkNames()) {
      const link = goldenLink(name);
      expect(link.split('\n'), name).toHaveLength(1);
      expect(link.startsWith(`${GOLDEN_BASE}#share=1.`), name).toBe(true);
    }
  });
});

describe.each(goldenLinkNames())('the golden link of %s', (name) => {
  it('still opens, to the current example (restored) and its pinned cpu result', async () => {
    const payload = await decodeShare(goldenLink(name));
    // The example must not silently change meaning: the old link and today's file are the same pipeline.
    expect(payload.spec).toEqual(loadExample(name));
    expect(payload.expected).not.toBeNull();
    expect(payload.expected!.resultHash).toBe(GOLDEN[name].resultHash);
    expect(payload.expected!.backend).toBe('cpu');
    const [metric, value] = GOLDEN[name].metric;
    expect(payload.expected!.metrics[metric]).toBeCloseTo(value, 3);
    expect(payload.data).toEqual([]);
  });
});

describe.each(RUN_HERE)('the decoded golden link of %s', (name) => {
  it('runs on cpu to exactly the result it carries', async () => {
    const payload = await decodeShare(goldenLink(name));
    const { record } = await run(payload.spec);
    expect(record.status).toBe('done');
    expect(record.resultHash).toBe(payload.expected!.resultHash);
  });
});
