// Reading CSV text and JSON records into a Table, the Table helpers, and writing CSV back.
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/core/csv-writer';
import { parseCsv, parseRecords } from '../../src/core/parse-table';
import {
  MISSING_CODE,
  categoricalColumn,
  encodeCategorical,
  getColumn,
  makeTable,
  missingCount,
  numericColumn,
  takeRows,
  type CategoricalColumn,
  type NumericColumn,
  type Table,
} from '../../src/core/table';

const numeric = (t: Table, name: string) => {
  const col = getColumn(t, name);
  expect(col.type).toBe('numeric');
  return col as NumericColumn;
};

const categorical = (t: Table, name: string) => {
  const col = getColumn(t, name);
  expect(col.type).toBe('categorical');
  return col as CategoricalColumn;
};

/** The labels of a categorical column, null where missing. */
const labels = (col: CategoricalColumn) => Array.from(col.codes, (c) => (c === MISSING_CODE ? null : col.categories[c]));

describe('parseCsv', () => {
  it('makes all-number columns numeric and the rest categorical', () => {
    const t = parseCsv('x,kind,z\n1,a,1.5\n2,b,-3e2\n10,a,0\n');
    expect(t.rowCount).toBe(3);
    expect(t.columns.map((c) => [c.name, c.type])).toEqual([
      ['x', 'numeric'],
      ['kind', 'categorical'],
      ['z', 'numeric'],
    ]);
    expect(Array.from(numeric(t, 'x').values)).toEqual([1, 2, 10]);
    expect(Array.from(numeric(t, 'z').values)).toEqual([1.5, -300, 0]);
    const kind = categorical(t, 'kind');
    expect(kind.categories).toEqual(['a', 'b']);
    expect(Array.from(kind.codes)).toEqual([0, 1, 0]);
  });

  it('makes a column categorical when a single present value is not a number', () => {
    const col = categorical(parseCsv('v\n1\n2\ntwo\n'), 'v');
    expect(col.categories).toEqual(['1', '2', 'two']);
    expect(labels(col)).toEqual(['1', '2', 'two']);
  });

  it("reads '', NA, NaN and ? as missing: NaN in numeric columns, code -1 in categorical ones", () => {
    const t = parseCsv('n,c\n1,red\n,\nNA,NA\nNaN,blue\n?,?\n4,red\n');
    expect(Array.from(numeric(t, 'n').values)).toEqual([1, NaN, NaN, NaN, NaN, 4]);
    const c = categorical(t, 'c');
    expect(c.categories).toEqual(['blue', 'red']); // missing tokens never become categories
    expect(Array.from(c.codes)).toEqual([1, -1, -1, 0, -1, 1]);
    expect(missingCount(c)).toBe(3);
    expect(missingCount(numeric(t, 'n'))).toBe(4);
  });

  it('reads the other missing tokens (N/A, nan, null, .) too, and keeps an all-missing column numeric', () => {
    const t = parseCsv('a,b\nN/A,1\nnan,2\nnull,3\n.,4\n');
    expect(Array.from(numeric(t, 'a').values).every(Number.isNaN)).toBe(true);
    expect(Array.from(numeric(t, 'b').values)).toEqual([1, 2, 3, 4]);
  });

  it('understands quoted fields with commas and doubled quotes', () => {
    const t = parseCsv('name,note,n\n"Smith, J.","said ""hi""",1\nplain,"",2\n');
    expect(labels(categorical(t, 'name'))).toEqual(['Smith, J.', 'plain']);
    expect(labels(categorical(t, 'note'))).toEqual(['said "hi"', null]);
    expect(Array.from(numeric(t, 'n').values)).toEqual([1, 2]);
  });

  it('keeps line breaks, commas and CRs inside quotes, reads a quote inside a plain field as a character, and counts quoted lines', () => {
    const t = parseCsv('text,n\n"two\nlines",1\n"a\r\nb, c",2\n5"6 tall,3\n');
    expect(labels(categorical(t, 'text'))).toEqual(['two\nlines', 'a\r\nb, c', '5"6 tall']);
    expect(Array.from(numeric(t, 'n').values)).toEqual([1, 2, 3]);
    expect(() => parseCsv('a,b\n"x\ny",1\n2\n')).toThrow(/line 4 has 1 fields, expected 2/);
  });

  it('reads only plain decimals as numbers', () => {
    const numbers = ['1', '-2.5', '+.5', '3.', '1e3', '-4E-2', '007'];
    expect(Array.from(numeric(parseCsv(`v\n${numbers.join('\n')}\n`), 'v').values)).toEqual(numbers.map(Number));
    for (const text of ['0x1f', 'Infinity', '1e', '1.2.3', '--1', '1_000', 'e5', '+']) {
      expect(parseCsv(`v\n1\n${text}\n`).columns[0].type, text).toBe('categorical');
    }
  });

  it('accepts CRLF line endings, surrounding spaces and blank lines', () => {
    const t = parseCsv('a, b\r\n 1 , x \r\n\r\n2,y\r\n');
    expect(t.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(Array.from(numeric(t, 'a').values)).toEqual([1, 2]);
    expect(labels(categorical(t, 'b'))).toEqual(['x', 'y']);
  });

  it('names the line number of a ragged line', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n4,5\n')).toThrow(/line 3 has 1 fields, expected 2/);
    expect(() => parseCsv('a,b\n1,2\n3,4,5\n')).toThrow(/line 3 has 3 fields, expected 2/);
  });

  // Known bug (see report): blank lines are dropped before counting, so the number is off.
  it('names the real line number when blank lines come before the ragged line', () => {
    expect(() => parseCsv('a,b\n\n1,2\n3\n')).toThrow(/line 4 /);
  });

  it('rejects empty text', () => {
    expect(() => parseCsv('')).toThrow(/empty/);
    expect(() => parseCsv('\n  \n')).toThrow(/empty/);
  });

  it('reads a header-only file as a table with no rows', () => {
    const t = parseCsv('a,b\n');
    expect(t.rowCount).toBe(0);
    expect(t.columns.map((c) => c.name)).toEqual(['a', 'b']);
  });
});

describe('parseRecords', () => {
  it('reads flat JSON records, with null, undefined and missing tokens as missing', () => {
    const t = parseRecords([
      { species: 'Adelie', mass: 3750, sex: 'MALE' },
      { species: 'Gentoo', mass: null, sex: null },
      { species: 'Adelie', sex: 'NA', island: 'Biscoe' }, // no mass; a new key appears late
    ]);
    expect(t.rowCount).toBe(3);
    expect(t.columns.map((c) => c.name)).toEqual(['species', 'mass', 'sex', 'island']);
    expect(Array.from(numeric(t, 'mass').values)).toEqual([3750, NaN, NaN]);
    expect(labels(categorical(t, 'species'))).toEqual(['Adelie', 'Gentoo', 'Adelie']);
    expect(labels(categorical(t, 'sex'))).toEqual(['MALE', null, null]);
    expect(labels(categorical(t, 'island'))).toEqual([null, null, 'Biscoe']);
  });

  it('reads numbers given as strings as numeric', () => {
    expect(Array.from(numeric(parseRecords([{ v: '1.5' }, { v: 2 }]), 'v').values)).toEqual([1.5, 2]);
  });

  it('rejects what is not a non-empty array of objects', () => {
    expect(() => parseRecords([])).toThrow(/non-empty JSON array/);
    expect(() => parseRecords({ a: 1 })).toThrow(/non-empty JSON array/);
    expect(() => parseRecords([{ a: 1 }, null])).toThrow(/JSON object/);
    expect(() => parseRecords([[1, 2]])).toThrow(/JSON object/);
  });
});

describe('encodeCategorical', () => {
  it('sorts numeric-looking labels numerically, not as text', () => {
    const col = encodeCategorical('digit', ['10', '9', '2', '9', null]);
    expect(col.categories).toEqual(['2', '9', '10']); // text order would be 10, 2, 9
    expect(Array.from(col.codes)).toEqual([2, 1, 0, 1, -1]);
  });

  it('sorts text labels by code point and puts numbers before letters', () => {
    expect(encodeCategorical('c', ['b', '10', 'B', 'a', '9']).categories).toEqual(['9', '10', 'B', 'a', 'b']);
  });
});

describe('makeTable and takeRows', () => {
  const table = makeTable([
    numericColumn('x', Float64Array.from([10, 20, NaN, 40])),
    categoricalColumn('c', Int32Array.from([0, -1, 1, 0]), ['no', 'yes']),
  ]);

  it('rejects columns of different lengths and repeated names', () => {
    expect(() => makeTable([numericColumn('a', new Float64Array(2)), numericColumn('b', new Float64Array(3))])).toThrow(
      /"b" has 3 rows, expected 2/,
    );
    expect(() => makeTable([numericColumn('a', new Float64Array(2)), numericColumn('a', new Float64Array(2))])).toThrow(
      /"a" appears twice/,
    );
  });

  it('takes the given rows in the given order, repeats included, keeping missing values and categories', () => {
    const t = takeRows(table, [3, 1, 2, 3]);
    expect(t.rowCount).toBe(4);
    expect(Array.from(numeric(t, 'x').values)).toEqual([40, 20, NaN, 40]);
    const c = categorical(t, 'c');
    expect(c.categories).toEqual(['no', 'yes']);
    expect(Array.from(c.codes)).toEqual([0, -1, 1, 0]);
  });

  it('copies the data, leaving the original table untouched', () => {
    const t = takeRows(table, [0]);
    numeric(t, 'x').values[0] = -1;
    expect(numeric(table, 'x').values[0]).toBe(10);
    expect(takeRows(table, []).rowCount).toBe(0);
  });
});

describe('tableToCsv', () => {
  const sample = makeTable([
    numericColumn('x', Float64Array.from([1.5, NaN, -2, 0.1 + 0.2, 1e-7])),
    encodeCategorical('label, with comma', ['a "quoted" one', 'plain', null, 'x,y', 'plain']),
  ]);

  it('writes a header row, quotes fields that need it and leaves missing cells empty', () => {
    expect(tableToCsv(sample)).toBe(
      [
        'x,"label, with comma"',
        '1.5,"a ""quoted"" one"',
        ',plain',
        '-2,',
        '0.30000000000000004,"x,y"',
        '1e-7,plain',
        '',
      ].join('\n'),
    );
  });

  it('round-trips through parseCsv', () => {
    const back = parseCsv(tableToCsv(sample));
    expect(back).toEqual(sample);
  });

  it('round-trips a table with numeric-looking categories sorted numerically', () => {
    // A categorical column whose labels are all numbers comes back numeric (CSV has no types),
    // so mix in one text label to keep it categorical.
    const t = makeTable([encodeCategorical('grade', ['10', '9', 'n/a-ish', '2'])]);
    expect(parseCsv(tableToCsv(t))).toEqual(t);
  });

  // Known bug (see report): the writer quotes a newline inside a value, but parseCsv splits
  // the text into lines before it looks at quotes, so such a value cannot be read back.
  it('round-trips a value that contains a newline', () => {
    const t = makeTable([encodeCategorical('note', ['line 1\nline 2', 'single']), numericColumn('n', Float64Array.of(1, 2))]);
    expect(parseCsv(tableToCsv(t))).toEqual(t);
  });
});
