import { describe, expect, it } from 'vitest';
import { GOLDEN } from '../fixtures/golden';
import { EXAMPLES, loadExample, run } from '../helpers';

describe.each(EXAMPLES)('golden cpu result of examples/%s.json', (name) => {
  it('reproduces the pinned result hash and headline metric', async () => {
    expect(GOLDEN[name], `pin a golden hash for ${name} in tests/fixtures/golden.ts`).toBeDefined();
    const { record } = await run(loadExample(name));
    expect(record.status).toBe('done');
    const [metric, value] = GOLDEN[name].metric;
    expect(record.metrics[metric]).toBeCloseTo(value, 3);
    expect(record.resultHash).toBe(GOLDEN[name].resultHash);
  });
});
