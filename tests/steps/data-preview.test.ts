import { describe, expect, it } from 'vitest';
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
});
