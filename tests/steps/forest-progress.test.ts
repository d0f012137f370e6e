import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/engine/progress';
import { doc, run, spec } from '../helpers';

describe('a big random forest', () => {
  it('hears a cancel between trees (it yields to the event loop), so the run stops as cancelled', async () => {
    const controller = new AbortController();
    const forest = spec(doc([
      { id: 'data', kind: 'data.builtin', params: { name: 'digits' } },
      { id: 'split', kind: 'split.train-test', params: {} },
      { id: 'model', kind: 'model.random-forest', params: { trees: 500 } },
    ]));
    // The cancel is queued as a task when the first progress arrives: it is heard only if the forest
    // lets the event loop run again before its last tree (no clock involved).
    let queued = false;
    const onProgress = (e: ProgressEvent) => {
      if (e.type !== 'progress' || queued) return;
      queued = true;
      setTimeout(() => controller.abort(), 0);
    };
    const { record } = await run(forest, { signal: controller.signal, onProgress });
    expect(queued).toBe(true);
    expect(record.status).toBe('cancelled');
    expect(record.steps.find((s) => s.id === 'model')?.status).toBe('cancelled');
  });
});

describe('a random forest reports its progress', () => {
  it('as trees grown out of the total, rising, before its step ends', async () => {
    const events: ProgressEvent[] = [];
    const forest = spec(doc([
      { id: 'data', kind: 'data.builtin', params: { name: 'digits' } },
      { id: 'split', kind: 'split.train-test', params: {} },
      { id: 'model', kind: 'model.random-forest', params: { trees: 300 } },
    ]));
    const { record } = await run(forest, { onProgress: (e) => events.push(e) });
    expect(record.status).toBe('done');
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) expect(p).toMatchObject({ stepId: 'model', total: 300, unit: 'trees' });
    const done = progress.map((p) => (p.type === 'progress' ? p.done : -1));
    expect(done.every((d, i) => d > 0 && d < 300 && (i === 0 || d > done[i - 1]))).toBe(true);
    const end = events.findIndex((e) => e.type === 'step-end' && e.stepId === 'model');
    expect(events.lastIndexOf(progress[progress.length - 1])).toBeLessThan(end);
  });
});
