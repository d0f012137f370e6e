// pipelab's one reader of delimited text: the built-in data sets and users' files go through it.
import { describe, expect, it } from 'vitest';
import { guessDelimiter, readDelimited } from '../../src/core/read-delimited';

/** Every record as [line, ...fields]. */
function records(text: string, delimiter = ','): (string | number)[][] {
  const out: (string | number)[][] = [];
  readDelimited(text, delimiter, (fields, line) => out.push([line, ...fields]));
  return out;
}

describe('readDelimited', () => {
  it('reads quoted fields (separators, doubled quotes, every kind of line break) and names each record\'s first line', () => {
    expect(records('a,b\n"x, ""y""",1\r\n"two\nlines",2\r"cr\r\nlf",3')).toEqual([
      [1, 'a', 'b'], [2, 'x, "y"', '1'], [3, 'two\nlines', '2'], [5, 'cr\r\nlf', '3'],
    ]);
  });

  it('reads a quote inside a plain field as a character, allows spaces after a closing quote, keeps empty fields', () => {
    expect(records('5"6 tall,"q"  ,\n,\n')).toEqual([[1, '5"6 tall', 'q', ''], [2, '', '']]);
  });

  it('skips blank lines but counts them', () => {
    expect(records('\n  \na;b\n\n\t\n1;2\n', ';')).toEqual([[3, 'a', 'b'], [6, '1', '2']]);
  });

  it('names the line of an unterminated quote and of text after a closing quote', () => {
    expect(() => records('a,b\n1,2\n"open,3\n4,5\n')).toThrow(/^Line 3: Quoted field unterminated/);
    expect(() => records('a,b\n1,2\n\n"x\ny"z,3\n')).toThrow(/^Line 5: a quoted field has text after its closing quote/);
  });

  it('reports progress up to the whole text', () => {
    const text = 'a,b\n' + '1,2\n'.repeat(600_000);
    const done: number[] = [];
    readDelimited(text, ',', () => {}, (d, total) => {
      expect(total).toBe(text.length);
      done.push(d);
    });
    expect(done.length).toBeGreaterThan(1);
    expect(done).toEqual([...done].sort((x, y) => x - y));
    expect(done.at(-1)).toBe(text.length);
  });
});

describe('guessDelimiter', () => {
  it('picks the separator that splits the first records evenly', () => {
    expect(guessDelimiter('a;b;c\n1,5;2;3\n4;5,5;6\n')).toBe(';');
    expect(guessDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(guessDelimiter('a|b|c\n1|2|3\n')).toBe('|');
    expect(guessDelimiter('name,note\n"x; y; z",1\n')).toBe(',');
  });

  it('falls back to a comma for a single column', () => {
    expect(guessDelimiter('just one column\n1\n2\n')).toBe(',');
  });
});
