import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnFacts, columnNotes } from '../../src/core/column-sense';
import { dayOfWeek, dayOfYear, detectDateFormat, parseDate } from '../../src/core/date-parse';
import { parseUserFile } from '../../src/steps/data/parse-user-data';
import { irisWithIdAndLeak } from '../fixtures/real/iris-id-leak';

const SEATTLE = readFileSync('tests/fixtures/real/seattle-weather.csv', 'utf8');
const SEATTLE_ID = readFileSync('tests/fixtures/real/seattle-weather-with-id.csv', 'utf8');

/** The notes of a CSV's columns for a target, as label per column. */
function notesOf(text: string, target: string): Record<string, string> {
  const { table } = parseUserFile(text, 'csv');
  const notes = columnNotes(columnFacts(table), target, table.rowCount);
  return Object.fromEntries([...notes].map(([name, note]) => [name, `${note.label}${note.excluded ? ' (left out)' : ''}`]));
}

describe('column sense', () => {
  it('flags the real Seattle-weather date column as a date and nothing else', () => {
    expect(notesOf(SEATTLE, 'weather')).toEqual({ date: 'date — used as date parts' });
    const { table } = parseUserFile(SEATTLE, 'csv');
    const date = columnFacts(table).find((f) => f.name === 'date')!;
    expect(date.date).toBe('year-month-day');
    expect(date.idLike).toBeNull();
  });

  it('flags a row-number id column in front of the real file as id-like and leaves it out', () => {
    const notes = notesOf(SEATTLE_ID, 'weather');
    expect(notes.id).toBe('id-like (left out)');
    expect(notes.date).toBe('date — used as date parts');
    const { table } = parseUserFile(SEATTLE_ID, 'csv');
    expect(columnFacts(table)[0].idLike).toMatch(/named like an id/);
  });

  it('flags an id and a relabelled copy of the target, whichever the target is', () => {
    const text = irisWithIdAndLeak();
    expect(notesOf(text, 'species')).toEqual({ sample_id: 'id-like (left out)', species_code: 'likely target leak (left out)' });
    // With another target the code column is plain text (three values), and species leaks nothing into it.
    expect(notesOf(text, 'species_code')).toEqual({ sample_id: 'id-like (left out)', species: 'likely target leak (left out)' });
    expect(notesOf(text, 'sepal_length_cm')).toEqual({ sample_id: 'id-like (left out)' });
  });

  it('calls an exact copy of the target a leak, but not a column holding the same values in another order', () => {
    const lines = ['x,shuffled,copy,word,word_copy,y'];
    for (let i = 0; i < 50; i++) lines.push(`${i % 7},${((i * 17) % 50) * 0.5},${i * 0.5},${i % 3 ? 'p' : 'q'},${i % 3 ? 'p' : 'q'},${i * 0.5}`);
    const { table } = parseUserFile(lines.join('\n'), 'csv');
    // "shuffled" has y's values (same count, sum and type) in another order: only the copy gives y away.
    expect(columnNotes(columnFacts(table), 'y', table.rowCount).get('copy')).toMatchObject({ kind: 'leak', excluded: true });
    expect(columnNotes(columnFacts(table), 'y', table.rowCount).has('shuffled')).toBe(false);
    expect(columnNotes(columnFacts(table), 'word', table.rowCount).get('word_copy')).toMatchObject({ kind: 'leak' });
    expect(columnNotes(columnFacts(table), 'word', table.rowCount).has('x')).toBe(false);
  });

  it('explains constant, mostly missing and high-cardinality columns, and leaves them out', () => {
    const lines = ['kind,note,comment,empty,label'];
    for (let i = 0; i < 60; i++) lines.push(`same,${i % 3 ? '' : 'x'},${i < 40 ? `text ${i * 13}` : 'text 0'},,${i % 2 ? 'a' : 'b'}`);
    const { table } = parseUserFile(lines.join('\n'), 'csv');
    const notes = columnNotes(columnFacts(table), 'label', table.rowCount);
    expect(notes.get('kind')).toMatchObject({ kind: 'constant', excluded: true });
    expect(notes.get('note')).toMatchObject({ kind: 'missing', excluded: true, reason: expect.stringMatching(/^67 % of rows/) });
    expect(notes.get('comment')).toMatchObject({ kind: 'high-cardinality', excluded: true, reason: expect.stringMatching(/^40 different/) });
    expect(notes.get('empty')).toMatchObject({ excluded: true });
  });

  it('does not call a regression target\'s unique values a leak of an id, nor spread-out unique numbers an id', () => {
    const lines = ['n,population,price'];
    for (let i = 0; i < 40; i++) lines.push(`${i + 1},${1000 + i * i * 37},${(i * 7.3).toFixed(2)}`);
    const { table } = parseUserFile(lines.join('\n'), 'csv');
    const notes = columnNotes(columnFacts(table), 'price', table.rowCount);
    expect(notes.get('n')).toMatchObject({ kind: 'id', reason: expect.stringMatching(/^whole numbers counting up/) });
    expect(notes.has('population')).toBe(false);
  });
});

describe('date reading', () => {
  it('reads ISO dates with and without a time', () => {
    expect(detectDateFormat(['2012-01-31', '2012-02-29 13:45', '2013-12-01T23:59:59Z'])).toEqual({ order: 'ymd', guessed: false });
    expect(parseDate('2012-02-29 13:45', { order: 'ymd', guessed: false })).toEqual({ year: 2012, month: 2, day: 29, hour: 13 });
    expect(detectDateFormat(['2013-02-29'])).toBeNull();
    expect(detectDateFormat(['2012-01-31', 'soon'])).toBeNull();
    expect(detectDateFormat(['12', '2012'])).toBeNull();
  });

  it('tells day/month from month/day by the values, and guesses by the separator when none tells', () => {
    expect(detectDateFormat(['03/04/2020', '25/12/2020'])).toEqual({ order: 'dmy', guessed: false });
    expect(detectDateFormat(['03/04/2020', '12/25/2020'])).toEqual({ order: 'mdy', guessed: false });
    expect(detectDateFormat(['13/04/2020', '12/25/2020'])).toBeNull();
    expect(detectDateFormat(['03/04/2020'])).toEqual({ order: 'mdy', guessed: true });
    expect(detectDateFormat(['03.04.2020'])).toEqual({ order: 'dmy', guessed: true });
    expect(parseDate('03.04.2020', { order: 'dmy', guessed: true })).toMatchObject({ month: 4, day: 3 });
  });

  it('reads dates with month names, as in the real S&P 500 file', () => {
    const { table } = parseUserFile(readFileSync('tests/fixtures/real/sp500.csv', 'utf8'), 'csv');
    expect(columnFacts(table)[0].date).toBe('dates with month names');
    expect(notesOf(readFileSync('tests/fixtures/real/sp500.csv', 'utf8'), 'price')).toEqual({ date: 'date — used as date parts' });
    const named = { order: 'named', guessed: false } as const;
    expect(detectDateFormat(['January 31, 2012', '1 Feb 2013', 'Sept 3 2014 08:30'])).toEqual(named);
    expect(parseDate('Sept 3 2014 08:30', named)).toEqual({ year: 2014, month: 9, day: 3, hour: 8 });
    expect(detectDateFormat(['Janvier 3 2014'])).toBeNull();
    expect(detectDateFormat(['Feb 30 2014'])).toBeNull();
  });

  it('computes day of week (Monday 0) and day of year', () => {
    const d = (t: string) => parseDate(t, { order: 'ymd', guessed: false })!;
    expect(dayOfWeek(d('2012-01-01'))).toBe(6); // a Sunday
    expect(dayOfWeek(d('1969-12-29'))).toBe(0); // a Monday, before 1970
    expect(dayOfYear(d('2012-12-31'))).toBe(366);
    expect(dayOfYear(d('2013-03-01'))).toBe(60);
  });
});
