import { detCos, detSin } from '../../core/det-math';
import type { ParamsOf } from '../../core/params';
import { StepInputError } from '../../core/errors';
import { dayOfWeek, dayOfYear, detectDateFormat, parseDate, type DateValue } from '../../core/date-parse';
import { makeTable, numericColumn, type CategoricalColumn, type Column } from '../../core/table';
import { describeStep } from '../../core/step-description';
import { defineStep } from '../step';
import { requireTable } from '../require-input';
import { COLUMNS_PARAM, checkNewNames, chooseCategorical, type TableColumns } from './column-choice';

/** One part of a date: its column suffix, its value, and its period (null: not cyclical, such as the year). */
/** The date-parts step's typed params. */
type DatePartsParams = ParamsOf<typeof datePartsDescription.params>;

interface Part {
  readonly key: 'year' | 'month' | 'dayOfWeek' | 'dayOfYear' | 'hour';
  readonly suffix: string;
  readonly value: (d: DateValue) => number;
  readonly period: ((d: DateValue) => number) | null;
}

const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const PARTS: readonly Part[] = [
  { key: 'year', suffix: 'year', value: (d) => d.year, period: null },
  { key: 'month', suffix: 'month', value: (d) => d.month - 1, period: () => 12 },
  { key: 'dayOfWeek', suffix: 'day_of_week', value: dayOfWeek, period: () => 7 },
  { key: 'dayOfYear', suffix: 'day_of_year', value: (d) => dayOfYear(d) - 1, period: (d) => (leap(d.year) ? 366 : 365) },
  { key: 'hour', suffix: 'hour', value: (d) => d.hour ?? NaN, period: () => 24 },
];

const LABEL = 'Date parts';

/** What the palette, forms and restore know of `date-parts`: plain data, no code. */
export const datePartsDescription = describeStep({
  kind: 'transform.date-parts',
  version: 1,
  category: 'transform',
  label: 'Date parts',
  keywords: ['dates', 'datetime', 'timestamp', 'day of week', 'month', 'cyclical'],
  help:
    'Turns each date column (text such as 2012-01-31, 31/01/2012 or 2012-01-31 13:45) into number columns a model can use: ' +
    'year, month, day of week, day of year, and the hour where the dates have a time. Cyclical makes December sit next to January. ' +
    'Keywords: datetime, timestamp, calendar, seasonality.',
  usesRandomness: false,
  params: {
    columns: { ...COLUMNS_PARAM, help: 'The date columns to turn into parts; leave empty for every text column whose values all read as dates.' },
    year: { type: 'boolean', label: 'Year', help: 'Add the year as a number (for trends over the years).', default: true },
    month: { type: 'boolean', label: 'Month', help: 'Add the month (January is 0, December 11).', default: true },
    dayOfWeek: { type: 'boolean', label: 'Day of week', help: 'Add the day of the week (Monday is 0, Sunday 6).', default: true },
    dayOfYear: { type: 'boolean', label: 'Day of year', help: 'Add the day of the year (January 1st is 0), for seasons.', default: true },
    hour: { type: 'boolean', label: 'Hour', help: 'Add the hour (0 to 23) when the dates have a time; dates without one get none.', default: true },
    cyclical: {
      type: 'boolean',
      label: 'Cyclical (sine/cosine)',
      help: 'Write month, day of week, day of year and hour as a sine and a cosine pair, so the end of a cycle sits next to its start.',
      default: false,
    },
  },

});

/** Turns date columns (text such as 2012-01-31) into number columns: year, month, day of week, day of year, hour; optionally as sine/cosine pairs. */
export const dateParts = defineStep(datePartsDescription, {
  async run(_ctx, input, params) {
    const data = requireTable(input, LABEL);
    const columns = withParts(data, params);
    return columns ? { ...input, table: makeTable(columns) } : input;
  },
  apply: (table, _fitted, params, target) => withParts({ table, target }, params) ?? table.columns,
  readsText: true,
});

/** The table with each chosen date column replaced by its parts; null when there is no date column. */
function withParts(data: TableColumns, params: DatePartsParams): Column[] | null {
  const names = params.columns;
  const chosen = names.length ? chooseCategorical(data, names, LABEL) : data.table.columns.filter((c) => isDateColumn(c, data));
  if (chosen.length === 0) return null;
  const replaced = new Map<string, Column[]>();
  for (const col of chosen) replaced.set(col.name, partColumns(col, params));
  const added = [...replaced.values()].flat().map((c) => c.name);
  checkNewNames(data.table.columns, added, new Set(replaced.keys()), LABEL);
  return data.table.columns.flatMap((c) => replaced.get(c.name) ?? [c]);
}

function isDateColumn(col: Column, data: TableColumns): col is CategoricalColumn {
  return col.type === 'categorical' && col.name !== data.target && detectDateFormat(col.categories) !== null;
}

/** The number columns of one date column; a missing date gives NaN in each. */
function partColumns(col: CategoricalColumn, params: DatePartsParams): Column[] {
  const format = detectDateFormat(col.categories);
  if (!format) {
    const example = col.categories.find((t) => detectDateFormat([t]) === null) ?? col.categories[0] ?? '';
    throw new StepInputError(
      `${LABEL}: the values of "${col.name}" do not all read as dates (for example "${example}"). ` +
        'Dates must look like 2012-01-31, 31/01/2012, 01/31/2012 or 2012-01-31 13:45. Remove it from Columns, or fix the file.',
    );
  }
  const dates = col.categories.map((t) => parseDate(t, format) as DateValue);
  const hasTime = dates.some((d) => d.hour !== null);
  const parts = PARTS.filter((p) => params[p.key] === true && (p.key !== 'hour' || hasTime));
  return parts.flatMap((p) => {
    const column = (suffix: string, f: (d: DateValue) => number) =>
      numericColumn(`${col.name}.${suffix}`, Float64Array.from(col.codes, (c) => (c < 0 ? NaN : f(dates[c]))));
    const period = p.period;
    if (!params.cyclical || period === null) return [column(p.suffix, p.value)];
    const angle = (d: DateValue) => (2 * Math.PI * p.value(d)) / period(d);
    return [column(`${p.suffix}_sin`, (d) => detSin(angle(d))), column(`${p.suffix}_cos`, (d) => detCos(angle(d)))];
  });
}
