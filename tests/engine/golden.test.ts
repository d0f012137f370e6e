import { describe, expect, it } from 'vitest';
import { EXAMPLES, loadExample, run } from '../helpers';

/**
 * The cpu backend is the reference: these result hashes must reproduce on every
 * machine, in Node and in the browser. A change here is a deliberate change of the
 * numbers (a step's algorithm, the PRNG, the hashing): bump ENGINE_VERSION or the
 * step's version, explain it in the commit, and update the pins.
 */
const GOLDEN: Record<(typeof EXAMPLES)[number], { resultHash: string; metric: [string, number] }> = {
  'iris-logreg': { resultHash: '22f42543f0f00903b9836c6bcf12b3e92e100ffea33a80bfc7211c3a89c353c0', metric: ['accuracy', 0.923] },
  'digits-mlp': { resultHash: 'a4147d640589a6a775c5ae153ee36ab4de3fe6741d81f472d3ef1f16a82038b9', metric: ['accuracy', 0.969] },
  'spiral-mlp': { resultHash: 'b61f73fa21dbddc17191ef7038dc3d392da68adb0c1b147eb32b10bc9d6c5ac3', metric: ['accuracy', 0.97] },
  'diabetes-linreg': { resultHash: '6768876133f3082fdc9ee743df48217d98c8fce83bf54f73088d01b937f9d3fd', metric: ['r2', 0.501] },
  'penguins-mlp': { resultHash: '9f738e0eeee3a412af5dfdeace20270da8b51f6c4a3960b2e8822eaca73f6ece', metric: ['accuracy', 0.988] },
};

describe.each(EXAMPLES)('golden cpu result of examples/%s.json', (name) => {
  it('reproduces the pinned result hash and headline metric', async () => {
    const { record } = await run(loadExample(name));
    expect(record.status).toBe('done');
    const [metric, value] = GOLDEN[name].metric;
    expect(record.metrics[metric]).toBeCloseTo(value, 3);
    expect(record.resultHash).toBe(GOLDEN[name].resultHash);
  });
});
