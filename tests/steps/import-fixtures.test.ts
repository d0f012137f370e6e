import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getColumn, type CategoricalColumn, type NumericColumn, type Table } from '../../src/core/table';
import { formatOf, parseUserData } from '../../src/steps/data/parse-user-data';
import type { ColumnPreview } from '../../src/steps/data/data-preview';
import { previewFile, type ImportProgress } from '../../src/worker/preview-file';

const DIR = 'tests/fixtures/import/';

/** The file as the browser hands it to the worker. */
function fixture(name: string): File {
  return new File([readFileSync(DIR + name)], name);
}

/** The table the run-time step gets: the text as stored (decoded like Blob.text()), parsed by the step's parser. */
async function runTimeTable(name: string): Promise<Table> {
  return parseUserData(await fixture(name).text(), formatOf(name));
}

async function problem(name: string): Promise<string> {
  const [preview, run] = await Promise.allSettled([previewFile(fixture(name), () => {}), runTimeTable(name)]);
  if (preview.status !== 'rejected' || run.status !== 'rejected') throw new Error(`${name} was accepted`);
  const message = (preview.reason as Error).message;
  expect((run.reason as Error).message).toBe(message);
  return message;
}

const values = (t: Table, name: string) => Array.from((getColumn(t, name) as NumericColumn).values);
const labels = (t: Table, name: string) => {
  const col = getColumn(t, name) as CategoricalColumn;
  return Array.from(col.codes, (c) => (c < 0 ? null : col.categories[c]));
};
const byName = (cols: readonly ColumnPreview[]) => Object.fromEntries(cols.map((c) => [c.name, c]));

describe('import fixtures: the preview and the run-time parser read each file alike', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', async () => {
    const t = await runTimeTable('quoted.csv');
    expect(t.columns.map((c) => [c.name, c.type])).toEqual([['name', 'categorical'], ['address', 'categorical'], ['note', 'categorical'], ['score', 'numeric']]);
    expect(labels(t, 'name')).toEqual(['Smith, J', 'Lee', 'Kim']);
    expect(labels(t, 'address')).toEqual(['12 High St, Leeds', 'Flat 2\nOld Road', '1 Main St']);
    expect(labels(t, 'note')).toEqual(['said "hi"', null, 'two\nline note']);
    expect(values(t, 'score')).toEqual([3.5, 4, 5.25]);
    const { preview } = await previewFile(fixture('quoted.csv'), () => {});
    expect(preview.rows).toBe(3);
    expect(byName(preview.columns).note.missing).toBe(1);
    expect(preview.sample[1]).toEqual(['Lee', 'Flat 2\nOld Road', '', '4']);
  });

  it('detects semicolons and tabs as separators', async () => {
    const semi = await previewFile(fixture('semicolon.csv'), () => {});
    expect(semi.preview.delimiter).toBe(';');
    expect(byName(semi.preview.columns).temp).toMatchObject({ type: 'numeric', min: -3, max: 21, mean: 10.166666666666666, distinct: 3 });
    expect(values(await runTimeTable('semicolon.csv'), 'temp')).toEqual([12.5, -3, 21]);
    const tsv = await previewFile(fixture('flowers.tsv'), () => {});
    expect(tsv.preview.delimiter).toBe('\t');
    expect(tsv.preview.columns.map((c) => [c.name, c.type, c.missing])).toEqual([['length', 'numeric', 0], ['width', 'numeric', 1], ['kind', 'categorical', 0]]);
  });

  it('drops a UTF-8 byte order mark and keeps accented text; the hash is that of the stored text', async () => {
    const { preview, text } = await previewFile(fixture('bom.csv'), () => {});
    expect(preview.columns.map((c) => c.name)).toEqual(['id', 'café', 'species']);
    expect(preview.sample.map((r) => r[1])).toEqual(['crème', 'naïve']);
    expect(text).toBe(await fixture('bom.csv').text());
    // Hashed from the bytes as they were read (the BOM left out): the digest of the text's UTF-8, as other tools compute it.
    expect(preview.hash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(preview.hash).toBe(createHash('sha256').update(readFileSync(DIR + 'bom.csv').subarray(3)).digest('hex'));
    // The CLI reads files with Node (which keeps the mark): the table is the same.
    expect(parseUserData(readFileSync(DIR + 'bom.csv', 'utf8'), 'csv').columns.map((c) => c.name)).toEqual(['id', 'café', 'species']);
  });

  it('reads every missing-value spelling as missing', async () => {
    const t = await runTimeTable('missing-values.csv');
    expect(values(t, 'a')).toEqual([1, NaN, 3, 4, NaN]);
    expect(values(t, 'b')).toEqual([NaN, 2, NaN, 5, 6]);
    expect(labels(t, 'c')).toEqual(['x', null, 'y', null, 'z']);
    const { preview } = await previewFile(fixture('missing-values.csv'), () => {});
    expect(preview.columns.map((c) => [c.name, c.type, c.missing])).toEqual([['a', 'numeric', 2], ['b', 'numeric', 2], ['c', 'categorical', 2], ['label', 'categorical', 0]]);
    expect(byName(preview.columns).label).toMatchObject({ distinct: 2, top: [{ value: 'yes', count: 3 }, { value: 'no', count: 2 }] });
  });

  it('reads a JSON array of records, null and "NA" as missing', async () => {
    const { preview } = await previewFile(fixture('cars.json'), () => {});
    expect(preview.format).toBe('json');
    expect(preview.delimiter).toBeNull();
    expect(preview.columns.map((c) => [c.name, c.type, c.missing])).toEqual([['model', 'categorical', 0], ['mpg', 'numeric', 1], ['origin', 'categorical', 1]]);
    expect(values(await runTimeTable('cars.json'), 'mpg')).toEqual([18, NaN, 31.5]);
  });

  it.each([
    ['ragged.csv', /^Line 5 has 2 fields but the header has 3: the file is ragged there/],
    ['empty.csv', /^The file is empty/],
    ['picture.png', /^The file does not look like UTF-8 text \(line 1 holds/],
    ['latin1.csv', /^The file does not look like UTF-8 text \(line 2 holds/],
  ])('explains %s with the same message in preview and run, naming the line', async (name, message) => {
    expect(await problem(name)).toMatch(message);
  });
});

describe('previewFile streaming', () => {
  it('reads a file larger than one slice with a character split across slices, reporting progress in order', async () => {
    const row = 'é,1\n';
    const body = 'label,n\n' + row.repeat(1_200_000); // about 6 MB: two slices, the boundary inside a two-byte "é"
    const file = new File([body], 'big.csv');
    const events: ImportProgress[] = [];
    const { preview, text } = await previewFile(file, (p) => events.push(p));
    expect(text).toBe(body);
    expect(preview.hash).toBe(createHash('sha256').update(body, 'utf8').digest('hex')); // hashed slice by slice while reading
    expect(preview.rows).toBe(1_200_000);
    expect(byName(preview.columns).label).toMatchObject({ type: 'categorical', distinct: 1, missing: 0 });
    expect(events.map((e) => e.stage).filter((s, i, all) => s !== all[i - 1])).toEqual(['reading', 'parsing']);
    const reads = events.filter((e) => e.stage === 'reading');
    expect(reads.length).toBeGreaterThan(1);
    expect(reads.at(-1)).toEqual({ stage: 'reading', done: file.size, total: file.size });
    expect(events.filter((e) => e.stage === 'parsing').at(-1)).toMatchObject({ done: text.length, total: text.length });
  });

  it('stops when cancelled, at the next progress report', async () => {
    const abort = new AbortController();
    const file = new File(['a,b\n' + '1,2\n'.repeat(3_000_000)], 'long.csv');
    const stages: string[] = [];
    const read = previewFile(file, (p) => {
      stages.push(p.stage);
      if (p.stage === 'parsing') abort.abort();
    }, abort.signal);
    await expect(read).rejects.toThrow('Reading long.csv was cancelled.');
    expect(stages.filter((s) => s === 'parsing')).toHaveLength(1);
  });
});
