import { describe, expect, it } from 'vitest';
import { GOLDEN } from '../fixtures/golden';
import { pipelab } from './pipelab-process';

interface SweepRow {
  settings: Record<string, number>;
  seed: number;
  status: string;
  resultHash: string;
}

describe('pipelab sweep', () => {
  it('runs 3 learning rates × 3 seeds: 9 results, the same hashes on a second run, one equal to the example', async () => {
    const args = ['sweep', 'examples/iris-logreg.json', '--param', 'model.learningRate=0.01,0.05,0.1', '--seeds', '3', '--json'];
    const first = await pipelab(...args);
    expect(first.code).toBe(0);
    const rows: SweepRow[] = JSON.parse(first.stdout);
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.status === 'done')).toBe(true);
    expect(new Set(rows.map((r) => r.resultHash)).size).toBe(9);
    expect(rows.map((r) => `${r.settings['model.learningRate']}@${r.seed}`)).toEqual([
      '0.01@42', '0.01@43', '0.01@44', '0.05@42', '0.05@43', '0.05@44', '0.1@42', '0.1@43', '0.1@44',
    ]);
    expect(rows.find((r) => r.settings['model.learningRate'] === 0.1 && r.seed === 42)?.resultHash).toBe(GOLDEN['iris-logreg'].resultHash);
    const second: SweepRow[] = JSON.parse((await pipelab(...args)).stdout);
    expect(second.map((r) => r.resultHash)).toEqual(rows.map((r) => r.resultHash));
  });

  it('prints one line per run without --json', async () => {
    const r = await pipelab('sweep', 'examples/diabetes-linreg.json', '--param', 'model.l2=0,10');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stdout).toMatch(/model\.l2=10 seed=42 {2}mse /);
  });

  it.each([
    [['--param', 'model.learningRate=99'], /model\.learningRate\[0\]: expected a number from/],
    [['--param', 'nosuch.x=1'], /a step id of this pipeline/],
    [['--param', 'model.bogus=1'], /a parameter of model\.logistic-regression/],
    [['--param', 'learningRate=1'], /expected STEP\.PARAM=V1,V2/],
    [['--param', 'model.epochs=1', '--seeds', '0'], /at least 1/],
  ])('refuses %j with exit 2 and one line', async (flags, message) => {
    const r = await pipelab('sweep', 'examples/iris-logreg.json', ...(flags as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
