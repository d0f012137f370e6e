import { describe, expect, it } from 'vitest';
import { DISTINCT_CAP } from '../../src/core/column-sense';
import { columnStats } from '../../src/core/table-stats';
import { previewOf } from '../../src/steps/data/data-preview';
import { parseUserFile } from '../../src/steps/data/parse-user-data';

const FILE = { name: 'x.csv', format: 'csv' as const, delimiter: ',', hash: 'h', bytes: 1 };

describe('previewOf', () => {
  it('gives each numeric column the missing count, min, max and mean the data view computes, and its distinct values', () => {
    const text = 'a,b,empty,label\n1.5,-2,NA,x\nNA,3,,y\n-0.25,3,NA,x\n4,-2,NA,z\n1.5,0,NA,x\n';
    const { table } = parseUserFile(text, 'csv');
    const preview = previewOf(table, FILE);
    for (const [c, col] of preview.columns.entries()) {
      const stats = columnStats(table.columns[c]);
      if (col.type !== 'numeric' || stats.type !== 'numeric') continue;
      expect({ missing: col.missing, min: col.min, max: col.max, mean: col.mean }).toEqual({ missing: stats.missing, min: stats.min, max: stats.max, mean: stats.mean });
    }
    expect(preview.columns.map((c) => [c.name, c.type, c.missing, c.distinct])).toEqual([
      ['a', 'numeric', 1, 3],
      ['b', 'numeric', 0, 3],
      ['empty', 'numeric', 5, 0],
      ['label', 'categorical', 0, 3],
    ]);
    expect(preview.columns[2]).toMatchObject({ min: NaN, max: NaN, mean: NaN });
  });

  it('counts whole numbers exactly however many, and fractional numbers up to 10,000 (then says so), missing values over the whole column', () => {
    const rows = 30_000;
    const lines = Array.from({ length: rows }, (_, i) => `${i * 3},${i % 7 === 0 ? 'NA' : (i * 0.37).toFixed(2)},${(i % 40) / 4},${i % 2 ? 'a' : 'b'}`);
    const { table } = parseUserFile(`id,x,quarter,label\n${lines.join('\n')}\n`, 'csv');
    const [id, x, quarter] = previewOf(table, FILE).columns;
    expect(id).toMatchObject({ type: 'numeric', distinct: rows, missing: 0 });
    expect(id).not.toHaveProperty('distinctCapped');
    expect(x).toMatchObject({ type: 'numeric', distinct: DISTINCT_CAP, distinctCapped: true, missing: Math.ceil(rows / 7) });
    expect(quarter).toMatchObject({ type: 'numeric', distinct: 40, missing: 0 });
    expect(quarter).not.toHaveProperty('distinctCapped');
  });
});
