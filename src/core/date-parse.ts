/**
 * Reading dates written as text, in the common formats of data files:
 * year first (2012-01-31, 2012/01/31, with an optional time "T13:45" or " 13:45:10"
 * and a zone, which is ignored: the parts are the wall-clock time as written),
 * day/month/year or month/day/year with slashes, dots or dashes, and month names
 * (Jan 31 2012, January 31, 2012, 31 Jan 2012).
 *
 * Which of day and month comes first is decided per column: a first field above 12
 * means day first, a second field above 12 means month first. When no value tells
 * (every field 12 or less), dots and dashes read as day first (the European way of
 * writing them) and slashes as month first (the US way, the commonest in public data).
 */

/** How a column's dates are written ('named': with the month's name, such as Jan 31 2012 or 31 January 2012). */
export type DateOrder = 'ymd' | 'dmy' | 'mdy' | 'named';

/** A column's date format: the field order, and whether the order was a guess (no value told day from month). */
export interface DateFormat {
  readonly order: DateOrder;
  readonly guessed: boolean;
}

/** The parts of one date (the hour is null when the text has no time). */
export interface DateValue {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number | null;
}

const TIME = String.raw`(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s?(?:Z|UTC|[+-]\d{2}:?\d{2}))?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = String.raw`([A-Za-z]{3,9})\.?`;
const MONTH_FIRST = new RegExp(String.raw`^${MONTH_WORD} (\d{1,2}),? (\d{4})${TIME}$`);
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2}) ${MONTH_WORD},? (\d{4})${TIME}$`);

/** The split fields of a date text, before day and month are told apart. */
interface Fields {
  /** Unambiguous: year first, or the month written as a word (then `named`). */
  readonly yearFirst: boolean;
  readonly named?: boolean;
  readonly a: number;
  readonly b: number;
  readonly year: number;
  readonly separator: string;
  readonly hour: number | null;
}

function fieldsOf(text: string): Fields | null {
  const t = text.trim();
  let m = YEAR_FIRST.exec(t);
  if (m) return { yearFirst: true, year: +m[1], a: +m[2], b: +m[3], separator: '-', hour: m[4] === undefined ? null : +m[4] };
  m = YEAR_LAST.exec(t);
  if (m) return { yearFirst: false, a: +m[1], separator: m[2], b: +m[3], year: +m[4], hour: m[5] === undefined ? null : +m[5] };
  return namedFields(t);
}

/** "Jan 31 2012", "January 31, 2012" or "31 Jan 2012" (the word must start with a month's first three letters and be one of its spellings). */
function namedFields(t: string): Fields | null {
  const first = MONTH_FIRST.exec(t);
  const last = first ? null : DAY_FIRST.exec(t);
  const m = first ?? last;
  if (!m) return null;
  const [word, day] = first ? [m[1], +m[2]] : [m[2], +m[1]];
  const month = monthOf(word);
  if (month === 0) return null;
  return { yearFirst: true, named: true, year: +m[3], a: month, b: day, separator: ' ', hour: m[4] === undefined ? null : +m[4] };
}

function monthOf(word: string): number {
  const w = word.toLowerCase();
  const i = MONTHS.indexOf(w.slice(0, 3));
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][i];
  return i >= 0 && (w.length === 3 || full === w || (i === 8 && w === 'sept')) ? i + 1 : 0;
}

/** Days in a month of a year (Gregorian calendar). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function valid(year: number, month: number, day: number, hour: number | null): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && (hour === null || hour <= 23);
}

/**
 * The format the texts of a column are written in, or null when they are not dates:
 * every text must read as a date in one format (at least one text; none empty).
 */
export function detectDateFormat(texts: readonly string[]): DateFormat | null {
  if (texts.length === 0) return null;
  const fields: Fields[] = [];
  for (const text of texts) {
    const f = fieldsOf(text);
    if (!f) return null;
    fields.push(f);
  }
  if (fields.every((f) => f.yearFirst)) {
    const order = fields.every((f) => f.named) ? 'named' : 'ymd';
    return fields.every((f) => valid(f.year, f.a, f.b, f.hour)) ? { order, guessed: false } : null;
  }
  if (fields.some((f) => f.yearFirst)) return null;
  const dayFirst = fields.some((f) => f.a > 12);
  const monthFirst = fields.some((f) => f.b > 12);
  if (dayFirst && monthFirst) return null;
  const order: DateOrder = dayFirst ? 'dmy' : monthFirst ? 'mdy' : fields[0].separator === '/' ? 'mdy' : 'dmy';
  const format = { order, guessed: !dayFirst && !monthFirst };
  return texts.every((t) => parseDate(t, format) !== null) ? format : null;
}

/** One text read as a date in a column's format, or null when it is not a valid date in it. */
export function parseDate(text: string, format: DateFormat): DateValue | null {
  const f = fieldsOf(text);
  if (!f || f.yearFirst !== (format.order === 'ymd' || format.order === 'named')) return null;
  const [month, day] = format.order === 'dmy' ? [f.b, f.a] : [f.a, f.b];
  return valid(f.year, month, day, f.hour) ? { year: f.year, month, day, hour: f.hour } : null;
}

/** Days since 1970-01-01 (negative before it), by the proleptic Gregorian calendar. */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Day of the week: 0 for Monday to 6 for Sunday. */
export function dayOfWeek(d: DateValue): number {
  return (((dayNumber(d.year, d.month, d.day) + 3) % 7) + 7) % 7;
}

/** Day of the year: 1 for January 1st. */
export function dayOfYear(d: DateValue): number {
  return dayNumber(d.year, d.month, d.day) - dayNumber(d.year, 1, 1) + 1;
}

/** The format in words, for notes: "year-month-day", or "day/month/year (a guess: …)". */
export function describeDateFormat(format: DateFormat): string {
  const words = { ymd: 'year-month-day', dmy: 'day/month/year', mdy: 'month/day/year', named: 'dates with month names' }[format.order];
  return format.guessed ? `${words} (no value tells day from month)` : words;
}
