import { describe, expect, it } from 'vitest';
import { doc, run, spec } from '../helpers';

describe('a big random forest', () => {
  it('hears a cancel between trees (it yields to the event loop), so the run stops as cancelled', async () => {
    const controller = new AbortController();
    const forest = spec(doc([
      { id: 'data', kind: 'data.builtin', params: { name: 'digits' } },
      { id: 'split', kind: 'split.train-test', params: {} },
      { id: 'model', kind: 'model.random-forest', params: { trees: 500 } },
    ]));
    setTimeout(() => controller.abort(), 50); // fires only if the forest lets the event loop run
    const { record } = await run(forest, { signal: controller.signal });
    expect(record.status).toBe('cancelled');
    expect(record.steps.find((s) => s.id === 'model')?.status).toBe('cancelled');
  });
});
