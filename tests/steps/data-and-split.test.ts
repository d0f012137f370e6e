import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../src/cli/node-data-source';
import { withUserData } from '../../src/engine/data-source';
import { Prng } from '../../src/core/prng';
import { getColumn, type CategoricalColumn, type NumericColumn } from '../../src/core/table';
import { SHAPES } from '../../src/steps/data/synthetic-shapes';
import { doc, run, spec } from '../helpers';

async function lastState(steps: unknown[], seed = 42) {
  const { record, outputs } = await run(spec(doc(steps, seed)));
  expect(record.status, record.error?.message).toBe('done');
  return outputs[outputs.length - 1].state;
}

describe('synthetic shapes', () => {
  it.each(Object.keys(SHAPES))('%s draws n points, half of each class', (shape) => {
    const p = SHAPES[shape](201, 0.1, new Prng(3));
    expect(p.x).toHaveLength(201);
    expect(p.label.filter((l) => l === 1)).toHaveLength(100);
  });

  it('circle without noise puts one class inside and the other on the ring', () => {
    const p = SHAPES.circle(400, 0, new Prng(1));
    for (let i = 0; i < 400; i++) {
      const r = Math.hypot(p.x[i], p.y[i]);
      if (p.label[i] === 0) expect(r).toBeLessThanOrEqual(0.45);
      else expect(r).toBeGreaterThanOrEqual(0.65);
    }
  });

  it('xor without noise labels by the sign of x·y', () => {
    const p = SHAPES.xor(300, 0, new Prng(2));
    for (let i = 0; i < 300; i++) expect(p.x[i] * p.y[i] > 0 ? 0 : 1).toBe(p.label[i]);
  });
});

describe('built-in data', () => {
  it('loads penguins with categorical columns and explicit missing values', async () => {
    const state = await lastState([{ id: 'data', kind: 'data.builtin', params: { name: 'penguins' } }]);
    expect(state.table?.rowCount).toBe(344);
    const sex = getColumn(state.table!, 'Sex') as CategoricalColumn;
    expect(sex.type).toBe('categorical');
    expect(sex.categories).toEqual(['FEMALE', 'MALE']);
    expect(sex.codes.filter((c) => c === -1).length).toBe(11);
    const beak = getColumn(state.table!, 'Beak Length (mm)') as NumericColumn;
    expect(beak.values.filter(Number.isNaN).length).toBe(2);
    expect(state.task).toBe('classification');
  });

  it('turns a numeric class column into labels (digits) and keeps regression targets numeric', async () => {
    const digits = await lastState([{ id: 'data', kind: 'data.builtin', params: { name: 'digits' } }]);
    expect((getColumn(digits.table!, 'digit') as CategoricalColumn).categories).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const diabetes = await lastState([{ id: 'data', kind: 'data.builtin', params: { name: 'diabetes' } }]);
    expect(getColumn(diabetes.table!, 'progression').type).toBe('numeric');
    expect(diabetes.task).toBe('regression');
  });
});

describe('train/test split', () => {
  it('stratifies: each iris species keeps its share of the test set, and no row is in both sets', async () => {
    const state = await lastState([
      { id: 'data', kind: 'data.builtin' },
      { id: 'split', kind: 'split.train-test', params: { testFraction: 0.2 } },
    ]);
    const { train, test } = state.split!;
    expect(train.length + test.length).toBe(150);
    expect(new Set([...train, ...test]).size).toBe(150);
    const species = getColumn(state.table!, 'species') as CategoricalColumn;
    const counts = [0, 0, 0];
    test.forEach((r) => counts[species.codes[r]]++);
    expect(counts).toEqual([10, 10, 10]);
  });

  it('stratifies a big file (300,000 rows in two classes) without overflowing the call stack', async () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => `${i % 1000},${i % 3 === 0 ? 'a' : 'b'}`);
    const text = `x,label\n${rows.join('\n')}\n`;
    const hash = createHash('sha256').update(text).digest('hex');
    const { record, outputs } = await run(
      spec(doc([
        { id: 'data', kind: 'data.import', params: { name: 'big.csv', hash, target: 'label', task: 'classification' } },
        { id: 'split', kind: 'split.train-test', params: { testFraction: 0.25, stratify: true } },
      ])),
      { dataSource: withUserData(nodeDataSource, { [hash]: text }) },
    );
    expect(record.status, record.error?.message).toBe('done');
    const { train, test } = outputs[1].state.split!;
    expect([train.length, test.length]).toEqual([225_000, 75_000]);
  });

  it('drop-missing after a split keeps the split consistent with the remaining rows', async () => {
    const state = await lastState([
      { id: 'data', kind: 'data.builtin', params: { name: 'penguins' } },
      { id: 'split', kind: 'split.train-test' },
      { id: 'clean', kind: 'transform.drop-missing' },
    ]);
    expect(state.table!.rowCount).toBe(333);
    const all = [...state.split!.train, ...state.split!.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 333 }, (_, i) => i));
  });
});

describe('transforms fit on training rows only', () => {
  it('standardize gives training rows mean 0 and sd 1, test rows only roughly', async () => {
    const state = await lastState([
      { id: 'data', kind: 'data.builtin', params: { name: 'wine' } },
      { id: 'split', kind: 'split.train-test' },
      { id: 'scale', kind: 'transform.standardize' },
    ]);
    const col = getColumn(state.table!, 'proline') as NumericColumn;
    const train = [...state.split!.train].map((r) => col.values[r]);
    const test = [...state.split!.test].map((r) => col.values[r]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(train)).toBeCloseTo(0, 10);
    expect(Math.sqrt(mean(train.map((v) => v * v)))).toBeCloseTo(1, 10);
    expect(Math.abs(mean(test))).toBeGreaterThan(1e-6);
  });

  it('one-hot makes one 0/1 column per training category', async () => {
    const state = await lastState([
      { id: 'data', kind: 'data.builtin', params: { name: 'penguins' } },
      { id: 'clean', kind: 'transform.drop-missing' },
      { id: 'split', kind: 'split.train-test' },
      { id: 'encode', kind: 'transform.one-hot' },
    ]);
    const names = state.table!.columns.map((c) => c.name);
    expect(names).toContain('Island=Biscoe');
    expect(names).toContain('Sex=MALE');
    expect(names).not.toContain('Island');
    expect(names).toContain('Species');
    const dream = getColumn(state.table!, 'Island=Dream') as NumericColumn;
    expect(new Set(dream.values)).toEqual(new Set([0, 1]));
  });
});
