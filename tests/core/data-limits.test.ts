// Bounded parsing (issue 16): files beyond DATA_LIMITS are refused with a message naming the
// limit, by the import preview (worker code, run here in Node) and the run-time parser alike;
// one BOM is dropped and two are refused; a number beyond the range of doubles names its cell.
import { describe, expect, it } from 'vitest';
import { DATA_LIMITS, checkDelimitedShape, withoutByteOrderMark } from '../../src/core/data-limits';
import { StepInputError } from '../../src/core/errors';
import { sha256Hex } from '../../src/core/hash';
import { parseCsv, parseRecords } from '../../src/core/parse-table';
import { parseUserData } from '../../src/steps/data/parse-user-data';
import { previewFile } from '../../src/worker/preview-file';

/** The messages the preview and the run-time parser give for one file (both must refuse it, alike). */
async function refusal(name: string, text: string): Promise<string> {
  const [preview, run] = await Promise.allSettled([
    previewFile(new File([text], name), () => {}),
    Promise.resolve().then(() => parseUserData(withoutByteOrderMark(text), name.endsWith('.json') ? 'json' : 'csv')),
  ]);
  if (preview.status !== 'rejected' || run.status !== 'rejected') throw new Error(`${name} was accepted`);
  expect(preview.reason).toBeInstanceOf(StepInputError);
  expect((run.reason as Error).message).toBe((preview.reason as Error).message);
  return (preview.reason as Error).message;
}

const header = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',');

describe('limits on a file’s shape', () => {
  it('refuses a header with more columns than the limit, naming it (an 8 MB, 1,000,000-column file too)', async () => {
    expect(await refusal('wide.csv', `${header(DATA_LIMITS.maxColumns + 1)}\n${'1,'.repeat(DATA_LIMITS.maxColumns)}1\n`)).toMatch(
      /The header \(line 1\) has more than 5,000 columns; pipelab reads at most 5,000 columns/,
    );
    const huge = `${header(1_000_000)}\n${'0,'.repeat(999_999)}0\n`.repeat(1) + `${'1,'.repeat(999_999)}1\n`.repeat(2);
    expect(huge.length).toBeGreaterThan(8_000_000);
    expect(await refusal('million.csv', huge)).toMatch(/more than 5,000 columns/);
  });

  it('takes exactly the limit of columns, and does not count separators inside quotes', async () => {
    const ok = `${header(DATA_LIMITS.maxColumns)}\n${'1,'.repeat(DATA_LIMITS.maxColumns - 1)}1\n`;
    expect(parseUserData(ok, 'csv').columns).toHaveLength(DATA_LIMITS.maxColumns);
    expect(() => checkDelimitedShape(`"${','.repeat(10_000)}",b\n1,2\n`)).not.toThrow();
  });

  it('refuses a line longer than the limit, naming the line and the limit', async () => {
    const long = `a,b\n1,${'x'.repeat(DATA_LIMITS.maxLineLength)}\n`;
    expect(await refusal('long.csv', long)).toMatch(/Line 2 is 1,000,002 characters long; pipelab reads lines of at most 1,000,000 characters/);
  });

  it('refuses more cells than the limit, before parsing a row', () => {
    // 2 columns × (maxCells / 2 + 1) rows: one cell too many (a 100 MB text, built by one repeat).
    const text = `a,b\n${'1,2\n'.repeat(DATA_LIMITS.maxCells / 2 + 1)}`;
    expect(() => checkDelimitedShape(text)).toThrow(/pipelab reads at most 50,000,000 cells/);
  });

  it('holds JSON records to the same column and cell limits', () => {
    const wide = Object.fromEntries(Array.from({ length: DATA_LIMITS.maxColumns + 1 }, (_, i) => [`k${i}`, i]));
    expect(() => parseRecords([wide])).toThrow(/The file has 5,001 columns; pipelab reads at most 5,000 columns/);
  });
});

describe('byte-order marks', () => {
  it('drops one BOM, so the hash is that of the text after it, and refuses two', async () => {
    const text = 'a,b\n1,2\n3,4\n';
    const { preview } = await previewFile(new File([`\uFEFF${text}`], 'bom.csv'), () => {});
    expect(preview.hash).toBe(await sha256Hex(text));
    expect(preview.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(await refusal('two.csv', `\uFEFF\uFEFF${text}`)).toMatch(/starts with two byte-order marks/);
  });
});

describe('numbers beyond range', () => {
  it('refuses 1e400 (and -1e400) in a numeric column, naming the column and the row', async () => {
    expect(await refusal('big.csv', 'a,b\n1,x\n2,y\n1e400,z\n')).toBe(
      'Column "a", data row 3: 1e400 is beyond the range of numbers pipelab can hold (about ±1.8e308). Fix that cell or mark it missing (NA).',
    );
    expect(() => parseCsv('a,b\n-1e400,1\n')).toThrow(/Column "a", data row 1: -1e400/);
  });

  it('keeps the largest finite numbers, and a column with labels stays a label column', () => {
    const t = parseCsv('a,b\n1.7e308,1e400\n-1.7e308,x\n');
    expect(t.columns.map((c) => c.type)).toEqual(['numeric', 'categorical']);
  });
});

describe('quotes in the shape check', () => {
  it('counts separators after a stray quote inside a field (the reader reads it as a plain character)', () => {
    expect(() => checkDelimitedShape(`a"b,${header(DATA_LIMITS.maxColumns)}\n`)).toThrow(/more than 5,000 columns/);
  });

  it('keeps doubled quotes and line breaks inside a quoted field', () => {
    expect(() => checkDelimitedShape(`"x ""${','.repeat(9_000)}""\ny",b\n1,2\n`)).not.toThrow();
  });
});
