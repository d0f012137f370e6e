// TableBuilder: the table a typed, text-free build gives is the one inferColumn gives from kept texts.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/parse-table';
import { Prng } from '../../src/core/prng';
import { readDelimited } from '../../src/core/read-delimited';
import { NeedsCellTexts, TableBuilder } from '../../src/core/table-builder';
import { parseUserData, parseUserFile } from '../../src/steps/data/parse-user-data';

function build(rows: string[][], keepTexts: boolean) {
  const b = new TableBuilder(['a', 'b'], keepTexts);
  for (const r of rows) b.add(r);
  return b.finish();
}

describe('TableBuilder', () => {
  it('gives the same columns as inferColumn: numbers, labels in sorted order, missing cells, all-missing columns', () => {
    const rows = [['NA', ' x '], ['2.5', 'b'], ['', '10'], ['-0', '9'], ['1e3', 'NA'], ['.5', 'x']];
    const typed = build(rows, false);
    expect(typed).toEqual(build(rows, true));
    expect(typed.columns[1]).toMatchObject({ type: 'categorical', categories: ['9', '10', 'b', 'x'] });
    expect(Array.from((typed.columns[1] as { codes: Int32Array }).codes)).toEqual([3, 2, 1, 0, -1, 3]);
    expect(build([['NA', '?'], ['', '.']], false)).toEqual(build([['NA', '?'], ['', '.']], true));
  });

  it('asks for the texts when a column of numbers meets a label, and the readers then read it right', () => {
    expect(() => build([['1', 'x'], ['two', 'y']], false)).toThrow(NeedsCellTexts);
    const csv = 'n,label\n1,x\n2,y\n3.0,x\nthree,y\n';
    const t = parseCsv(csv);
    expect(t.columns[0]).toMatchObject({ type: 'categorical', categories: ['1', '2', '3.0', 'three'] });
    expect(parseUserData(csv, 'csv')).toEqual(t);
  });

  it('matches kept-text parsing on 300 seeded random CSV files, and keeps the range error', () => {
    const rng = new Prng(7);
    const cell = () => {
      const r = rng.nextUint32() % 20;
      if (r < 2) return ['', 'NA', '?', 'null'][rng.nextUint32() % 4];
      if (r < 3) return ['red', 'blue', '"q, uoted"'][rng.nextUint32() % 3];
      return String((rng.nextUint32() % 20000) / 100 - 50);
    };
    for (let k = 0; k < 300; k++) {
      const rows = Array.from({ length: 1 + (rng.nextUint32() % 40) }, () => [cell(), cell(), cell()].join(','));
      const text = `a,b,c\n${rows.join('\n')}\n`;
      const typed = parseUserData(text, 'csv');
      const kept = new TableBuilder(['a', 'b', 'c'], true);
      for (const r of rows) kept.add(parseCsvRow(r));
      expect(typed, text).toEqual(kept.finish());
    }
    expect(() => parseUserData('a,b\n1,x\n1e400,y\n', 'csv')).toThrow(/Column "a", data row 2: 1e400 is beyond the range/);
  });
});

/** The fields of one CSV row (the reader itself is tested in read-delimited.test.ts). */
function parseCsvRow(row: string): string[] {
  let fields: string[] = [];
  readDelimited(row, ',', (f) => (fields = f));
  return fields;
}

describe('reading again with texts', () => {
  it('reports progress that never goes back when a column of numbers meets a label near the end', () => {
    const text = 'n,label\n' + '1.5,x\n'.repeat(400_000) + 'two,y\n';
    const done: number[] = [];
    const t = parseUserFile(text, 'csv', (d) => done.push(d));
    expect(t.table.columns[0].type).toBe('categorical');
    expect(done.length).toBeGreaterThan(1);
    expect(done).toEqual([...new Set(done)].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(text.length);
  });
});
