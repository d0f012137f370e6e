import { describe, expect, it } from 'vitest';
import { StepInputError } from '../../src/core/errors';
import { getColumn, type CategoricalColumn } from '../../src/core/table';
import { withUserData } from '../../src/engine/data-source';
import { nodeDataSource } from '../../src/cli/node-data-source';
import { formatOf, parseUserData } from '../../src/steps/data/parse-user-data';
import { sha256Hex } from '../../src/core/hash';
import { doc, run, spec } from '../helpers';

function problem(text: string, format: 'csv' | 'tsv' | 'json' = 'csv'): string {
  try {
    parseUserData(text, format);
  } catch (err) {
    expect(err).toBeInstanceOf(StepInputError);
    return (err as Error).message;
  }
  throw new Error('parsed bad input');
}

describe('parseUserData', () => {
  it('reads CSV with quotes, missing values and types, TSV, and JSON records', () => {
    const csv = parseUserData('name,size,kind\n"Smith, J",1.5,a\nLee,,b\nKim,NA,?\n', 'csv');
    expect(csv.rowCount).toBe(3);
    expect(csv.columns.map((c) => c.type)).toEqual(['categorical', 'numeric', 'categorical']);
    expect((getColumn(csv, 'name') as CategoricalColumn).categories).toContain('Smith, J');
    expect(Array.from((getColumn(csv, 'size') as { values: Float64Array }).values)).toEqual([1.5, NaN, NaN]);
    expect((getColumn(csv, 'kind') as CategoricalColumn).codes[2]).toBe(-1);
    expect(parseUserData('a\tb\n1\t2\n', 'tsv').columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(parseUserData('[{"x":1,"y":"u"},{"x":2,"y":null}]', 'json').rowCount).toBe(2);
  });

  it.each([
    ['', /empty/],
    ['a,b\n', /no data rows/],
    ['just one column\n1\n2\n', /single column/],
    ['a,a\n1,2\n', /names the column "a" twice/],
    ['a,b\n1,2\n3\n4,5\n', /Line 3 has 1 fields but the header has 2/],
    ['a,b\n1,\u0000\n', /UTF-8/],
    ['a,b\n"1,2\n', /Line 2: Quoted field unterminated/],
  ])('explains a bad CSV: %j', (text, message) => {
    expect(problem(text)).toMatch(message);
  });

  it('explains bad JSON', () => {
    expect(problem('{not json', 'json')).toMatch(/not valid JSON/);
    expect(problem('{"a":1}', 'json')).toMatch(/not a table/);
  });

  it('guesses the format from the file name', () => {
    expect([formatOf('x.JSON'), formatOf('x.tsv'), formatOf('x.csv'), formatOf('x.txt')]).toEqual(['json', 'tsv', 'csv', 'csv']);
  });
});

describe('data.import', () => {
  const text = 'f1,f2,label\n1,2,a\n2,3,b\n3,1,a\n4,4,b\n5,2,a\n6,5,b\n7,3,a\n8,6,b\n';
  async function importRun(params: Record<string, unknown>, more: unknown[] = []) {
    const hash = await sha256Hex(text);
    const s = spec(doc([{ id: 'data', kind: 'data.import', params: { name: 'mine.csv', hash, ...params } }, ...more]));
    return run(s, { dataSource: withUserData(nodeDataSource, { [hash]: text }) });
  }

  it('loads the file by content hash, with the chosen target and feature columns', async () => {
    const { record, outputs } = await importRun({ target: 'label', columns: ['f2'] });
    expect(record.status).toBe('done');
    expect(outputs[0].state.table?.columns.map((c) => c.name)).toEqual(['f2', 'label']);
    expect(record.dataHashes.data).toBe(await sha256Hex(text));
  });

  it('names the columns when the target is not one of them', async () => {
    const { record } = await importRun({ target: 'species' });
    expect(record.error?.message).toMatch(/target column "species" is not in the file; its columns are "f1", "f2", "label"/);
  });

  it('says what to do when the file is not there', async () => {
    const { record } = await run(spec(doc([{ id: 'data', kind: 'data.import', params: { name: 'gone.csv', hash: 'a'.repeat(64), target: 'x' } }])));
    expect(record.error?.message).toMatch(/"gone.csv" .* is not here/);
  });

  it('trains and scores a model on imported data like on built-in data', async () => {
    const { record } = await importRun({ target: 'label' }, [
      { id: 'split', kind: 'split.train-test', params: { testFraction: 0.25 } },
      { id: 'model', kind: 'model.logistic-regression', params: { epochs: 5 } },
      { id: 'evaluate', kind: 'evaluate.classification' },
    ]);
    expect(record.status).toBe('done');
    expect(record.metrics.accuracy).toBeGreaterThanOrEqual(0);
  });
});
