import { describe, expect, it } from 'vitest';
import { findLeaks } from '../../src/core/leakage';
import { Prng, deriveSeed } from '../../src/core/prng';
import { EMPTY_STATE, type PipelineState, type Split } from '../../src/core/state';
import { categoricalColumn, getColumn, makeTable, numericColumn, type CategoricalColumn } from '../../src/core/table';
import { exportPython } from '../../src/share/python-export';
import { kFoldSplit } from '../../src/steps/split/k-fold';
import { stepCatalog } from '../../src/steps/catalog';
import { doc, run, spec, tf } from '../helpers';

/** The k-fold step's output for data set `name` (k-fold as the last step of the pipeline). */
async function foldsOf(name: string, params: Record<string, unknown> = {}, seed = 42): Promise<PipelineState> {
  const steps = [{ id: 'data', kind: 'data.builtin', params: { name } }, { id: 'folds', kind: 'split.k-fold', params }];
  const { record, outputs } = await run(spec(doc(steps, seed)));
  expect(record.status, record.error?.message).toBe('done');
  return outputs.find((o) => o.stepId === 'folds')!.state;
}

const ascending = (a: Int32Array) => a.every((v, i) => i === 0 || a[i - 1] < v);
const sizes = (folds: readonly Split[]) => folds.map((f) => f.test.length);
const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

describe('split.k-fold', () => {
  it.each([
    ['iris', 5],
    ['wine', 7],
    ['diabetes', 10],
  ])('puts every row of %s in exactly one of %i test folds, trains on the rest, fold sizes within 1', async (name, k) => {
    const state = await foldsOf(name, { folds: k });
    const n = state.table!.rowCount;
    const folds = state.folds!;
    expect(folds).toHaveLength(k);
    const seen = new Int32Array(n);
    for (const f of folds) {
      f.test.forEach((r) => seen[r]++);
      expect(ascending(f.test) && ascending(f.train)).toBe(true);
      expect(f.train.length + f.test.length).toBe(n);
      const test = new Set(f.test);
      expect(f.train.some((r) => test.has(r))).toBe(false);
    }
    expect(seen.every((c) => c === 1)).toBe(true);
    expect(spread(sizes(folds))).toBeLessThanOrEqual(1);
    expect(state.split).toBe(folds[0]);
  });

  it('stratifies: each class is spread over the folds with counts within 1 of each other', async () => {
    const state = await foldsOf('wine', { folds: 4 });
    const codes = (getColumn(state.table!, state.target!) as CategoricalColumn).codes;
    const classes = [...new Set(codes)];
    expect(classes.length).toBe(3);
    for (const c of classes) {
      const perFold = state.folds!.map((f) => f.test.filter((r) => codes[r] === c).length);
      expect(spread(perFold), `class ${c}: ${perFold}`).toBeLessThanOrEqual(1);
    }
  });

  it('without stratification the class mix per fold is left to chance', async () => {
    const state = await foldsOf('wine', { folds: 4, stratify: false });
    const codes = (getColumn(state.table!, state.target!) as CategoricalColumn).codes;
    const worst = Math.max(...[0, 1, 2].map((c) => spread(state.folds!.map((f) => f.test.filter((r) => codes[r] === c).length))));
    expect(worst).toBeGreaterThan(1);
    expect(spread(sizes(state.folds!))).toBeLessThanOrEqual(1);
  });

  it('gives the same folds for the same seed and other folds for another seed', async () => {
    const a = await foldsOf('iris');
    const b = await foldsOf('iris');
    const c = await foldsOf('iris', {}, 7);
    expect(b.folds!.map((f) => Array.from(f.test))).toEqual(a.folds!.map((f) => Array.from(f.test)));
    expect(c.folds!.map((f) => Array.from(f.test))).not.toEqual(a.folds!.map((f) => Array.from(f.test)));
  });

  it('does not stratify a regression target: stratify on or off gives the same folds', async () => {
    const on = await foldsOf('diabetes', { stratify: true });
    const off = await foldsOf('diabetes', { stratify: false });
    expect(on.folds!.map((f) => Array.from(f.test))).toEqual(off.folds!.map((f) => Array.from(f.test)));
  });

  it('clears what later steps made and refuses more folds than rows', async () => {
    const table = makeTable([numericColumn('x', Float64Array.of(1, 2, 3)), categoricalColumn('y', Int32Array.of(0, 1, 0), ['a', 'b'])]);
    const input: PipelineState = { ...EMPTY_STATE, table, target: 'y', task: 'classification', history: [{ epoch: 1, trainLoss: 1, testLoss: 1 }] };
    const seed = deriveSeed(42, 'folds');
    const ctx = { tf, stepId: 'folds', seed, rng: new Prng(seed), signal: new AbortController().signal, data: null, epsilon: 1e-7, onEpoch: () => {} };
    const out = await kFoldSplit.run(ctx, input, { folds: 3, stratify: true });
    expect(out.history).toBeNull();
    expect(sizes(out.folds!)).toEqual([1, 1, 1]);
    await expect(kFoldSplit.run({ ...ctx, rng: new Prng(seed) }, input, { folds: 4, stratify: true })).rejects.toThrow(/4 folds need at least 4 rows, but the data has 3/);
  });

  it('counts as the split for the leakage check', () => {
    const leaky = spec(doc([{ id: 'data', kind: 'data.builtin', params: { name: 'iris' } }, { id: 'scale', kind: 'transform.standardize' }, { id: 'folds', kind: 'split.k-fold' }]));
    expect(findLeaks(leaky, stepCatalog).map((l) => [l.stepId, l.splitId])).toEqual([['scale', 'folds']]);
    const fine = spec(doc([{ id: 'data', kind: 'data.builtin', params: { name: 'iris' } }, { id: 'folds', kind: 'split.k-fold' }, { id: 'scale', kind: 'transform.standardize' }]));
    expect(findLeaks(fine, stepCatalog)).toEqual([]);
  });

  it('is refused by the Python export with a message naming the step kind', () => {
    const s = spec(doc([{ id: 'data', kind: 'data.builtin', params: { name: 'iris' } }, { id: 'folds', kind: 'split.k-fold' }]));
    expect(() => exportPython(s, { testRows: [], dataCsv: null })).toThrow(/Step "folds" \(split\.k-fold\) cannot be exported to Python: cross-validation is not exported yet.*train\/test split/);
  });
});
