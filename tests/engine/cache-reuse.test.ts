import { describe, expect, it } from 'vitest';
import { MemoryStepCache } from '../../src/engine/step-cache';
import { loadExample, run } from '../helpers';

describe('only changed steps re-run', () => {
  it('changing the split re-runs from the split on, and the result equals a run without the cache', async () => {
    const cache = new MemoryStepCache();
    await run(loadExample('iris-logreg'), { cache });
    const edited = loadExample('iris-logreg');
    edited.steps[1].params.testFraction = 0.3;
    const cached = (await run(edited, { cache })).record;
    expect(cached.steps.map((s) => s.status)).toEqual(['cached', 'done', 'done', 'done', 'done']);
    const fresh = (await run(edited)).record;
    expect(cached.steps.map((s) => s.outputHash)).toEqual(fresh.steps.map((s) => s.outputHash));
    expect(cached.resultHash).toBe(fresh.resultHash);
  });

  it('a changed seed re-runs the steps that draw random numbers, and only those', async () => {
    const cache = new MemoryStepCache();
    await run(loadExample('iris-logreg'), { cache });
    const reseeded = loadExample('iris-logreg');
    reseeded.seed = 9;
    const record = (await run(reseeded, { cache })).record;
    expect(record.steps.map((s) => s.status)).toEqual(['cached', 'done', 'done', 'done', 'done']);
    expect(record.resultHash).toBe((await run(reseeded)).record.resultHash);
  });
});
