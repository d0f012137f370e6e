import { StepInputError } from './errors';

/** Told of each non-blank record: its fields (untrimmed) and the 1-based line it starts on. */
export type OnRecord = (fields: string[], line: number) => void;

/** Told how far reading has got: characters done out of the text's length. */
export type ReadProgress = (done: number, total: number) => void;

/** How often (in characters) reading reports progress. */
const PROGRESS_EVERY = 1 << 20;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/**
 * pipelab's one reader of delimited text (the built-in data sets, users' CSV and TSV files):
 * RFC 4180 as spreadsheets, pandas and papaparse read it. A quote opens a quoted field only
 * at the field's start (elsewhere it is a plain character); inside one, separators and line
 * breaks (\n, \r\n, \r) are kept and a doubled quote is one quote; spaces may follow the
 * closing quote. Blank lines (nothing but spaces) are skipped; a line of separators is a
 * record of blank fields (pandas reads it so too). Plain runs of characters
 * are sliced out of the text, never copied one by one. An unterminated quoted field, or text
 * after a closing quote, is a StepInputError naming the line.
 */
export function readDelimited(text: string, delimiter: string, onRecord: OnRecord, onProgress?: ReadProgress): void {
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  let fields: string[] = [];
  let line = 1;
  let start = 1;
  let reported = 0;
  let i = 0;
  for (;;) {
    // One field starts at i.
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      const end = closingQuote(text, i, line);
      value = unquote(text, i + 1, end.at);
      line = end.line;
      i = afterClosingQuote(text, end.at + 1, sep, line);
    } else {
      let j = i;
      for (; j < n; j++) {
        const ch = text.charCodeAt(j);
        if (ch === sep || ch === LF || ch === CR) break;
      }
      value = text.slice(i, j);
      i = j;
    }
    fields.push(value);
    const ch = i < n ? text.charCodeAt(i) : -1;
    if (ch === sep) {
      i++;
      continue;
    }
    if (!blankRecord(fields)) onRecord(fields, start);
    fields = [];
    if (ch === -1) break;
    i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    start = line;
    if (onProgress && i - reported >= PROGRESS_EVERY) onProgress((reported = i), n);
  }
  onProgress?.(n, n);
}

/** Whether a record is a blank line (one field of spaces at most). */
function blankRecord(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0].trim() === '';
}

/** The closing quote of the quoted field opening at `open`, and the line it is on. */
function closingQuote(text: string, open: number, line: number): { at: number; line: number } {
  let i = open + 1;
  let at = line;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) throw new StepInputError(`Line ${line}: Quoted field unterminated. Check the quotes there: a quoted field must end with a quote.`);
    at += countBreaks(text, i, q);
    if (text.charCodeAt(q + 1) !== QUOTE) return { at: q, line: at };
    i = q + 2; // a doubled quote stays inside the field
  }
}

/** The text between the quotes, with each doubled quote made one. */
function unquote(text: string, from: number, to: number): string {
  const inner = text.slice(from, to);
  return inner.includes('"') ? inner.replaceAll('""', '"') : inner;
}

/** Where reading goes on after a closing quote: spaces may follow it, then a separator, a line break or the end. */
function afterClosingQuote(text: string, i: number, sep: number, line: number): number {
  while (text.charCodeAt(i) === SPACE || (text.charCodeAt(i) === TAB && sep !== TAB)) i++;
  const ch = i < text.length ? text.charCodeAt(i) : -1;
  if (ch === sep || ch === LF || ch === CR || ch === -1) return i;
  throw new StepInputError(`Line ${line}: a quoted field has text after its closing quote. Check the quotes there: a quote inside a quoted field must be doubled ("").`);
}

/** Line breaks (\n, \r\n or a lone \r) in text[from, to). */
function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === LF || (ch === CR && text.charCodeAt(i + 1) !== LF)) breaks++;
  }
  return breaks;
}

/** Separators a delimited file may use, in the order they are tried. */
const CANDIDATES = [',', '\t', '|', ';', '\u001e', '\u001f'];

/** Records looked at to guess the separator. */
const GUESS_RECORDS = 10;

/**
 * The separator of a delimited text, guessed from its first records: the candidate that
 * splits them into the most even field counts, and more fields where counts are as even
 * (at least two on average); a comma where none does.
 */
export function guessDelimiter(text: string): string {
  const head = firstLines(text, GUESS_RECORDS * 4);
  let best = ',';
  let bestDelta = Infinity;
  let bestAverage = 0;
  for (const d of CANDIDATES) {
    const counts = fieldCounts(head, d);
    if (counts.length === 0) continue;
    const average = counts.reduce((a, b) => a + b, 0) / counts.length;
    let delta = 0;
    for (let k = 1; k < counts.length; k++) delta += Math.abs(counts[k] - counts[k - 1]);
    if (delta <= bestDelta && average > bestAverage && average > 1.99) [best, bestDelta, bestAverage] = [d, delta, average];
  }
  return best;
}

/** Field counts of the first GUESS_RECORDS records of `head` read with `d` (a quote left open by the cut ends it). */
function fieldCounts(head: string, d: string): number[] {
  const counts: number[] = [];
  try {
    readDelimited(head, d, (fields) => {
      if (counts.length < GUESS_RECORDS) counts.push(fields.length);
    });
  } catch {
    // The head may cut a quoted field or hold stray quotes: the records read before count.
  }
  return counts;
}

/** The text up to the end of its `count`-th line break, \n or \r (or all of it), read no further than needed. */
function firstLines(text: string, count: number): string {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if ((ch === LF || ch === CR) && ++breaks === count) return text.slice(0, i + 1);
  }
  return text;
}
