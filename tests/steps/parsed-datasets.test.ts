import { describe, expect, it } from 'vitest';
import { makeTable, numericColumn, type Table } from '../../src/core/table';
import { parsedOnce } from '../../src/steps/data/parsed-datasets';

const table = (v: number): Table => makeTable([numericColumn('x', Float64Array.of(v))]);

describe('parsedOnce', () => {
  it('parses a data file once per key and hands the same table back', () => {
    let parses = 0;
    const first = parsedOnce('hash-a iris', () => (parses++, table(1)));
    const again = parsedOnce('hash-a iris', () => (parses++, table(2)));
    expect(again).toBe(first);
    expect(parses).toBe(1);
    expect(parsedOnce('hash-b iris', () => table(3)).columns[0]).toMatchObject({ values: Float64Array.of(3) });
  });

  it('keeps only the most recently used few', () => {
    const kept = parsedOnce('keep-me', () => table(0));
    for (let i = 0; i < 20; i++) {
      parsedOnce(`other-${i}`, () => table(i));
      parsedOnce('keep-me', () => table(-1)); // used all along: stays
    }
    expect(parsedOnce('keep-me', () => table(-1))).toBe(kept);
    let parsed = false;
    parsedOnce('other-0', () => ((parsed = true), table(0)));
    expect(parsed).toBe(true);
  });
});
