import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/hash';
import type { Column } from '../../src/core/table';
import { withUserData } from '../../src/engine/data-source';
import { nodeDataSource } from '../../src/cli/node-data-source';
import { doc, run, spec } from '../helpers';

const SEATTLE = readFileSync('tests/fixtures/real/seattle-weather.csv', 'utf8');
const TIMES = 'when,x,label\n' + Array.from({ length: 12 }, (_, i) => `${String(i + 1).padStart(2, '0')}/03/2020 ${String(2 * i).padStart(2, '0')}:15,${i},${i % 2 ? 'a' : 'b'}`).join('\n') + '\n';

/** Runs data.import of `text` then date-parts with `params`; returns the run's last output (or its error). */
async function dateParts(text: string, target: string, params: Record<string, unknown>) {
  const hash = await sha256Hex(text);
  const steps = [{ id: 'data', kind: 'data.import', params: { name: 'f.csv', hash, target } }, { id: 'dates', kind: 'transform.date-parts', params }];
  const { record, outputs } = await run(spec(doc(steps)), { dataSource: withUserData(nodeDataSource, { [hash]: text }) });
  return { error: record.error?.message ?? null, table: outputs.at(-1)?.state.table ?? null };
}

const values = (col: Column | undefined, n: number) => (col?.type === 'numeric' ? [...col.values.slice(0, n)] : null);

describe('transform.date-parts', () => {
  it('turns the real Seattle-weather dates into year, month, day of week and day of year, in place', async () => {
    const { error, table } = await dateParts(SEATTLE, 'weather', {});
    expect(error).toBeNull();
    const names = table!.columns.map((c) => c.name);
    expect(names).toEqual(['date.year', 'date.month', 'date.day_of_week', 'date.day_of_year', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather']);
    const col = (n: string) => table!.columns.find((c) => c.name === n);
    // 2012-01-01 was a Sunday (6), 2012-01-02 a Monday (0).
    expect(values(col('date.day_of_week'), 3)).toEqual([6, 0, 1]);
    expect(values(col('date.year'), 1)).toEqual([2012]);
    expect(values(col('date.day_of_year'), 3)).toEqual([0, 1, 2]);
    const last = col('date.month');
    expect(last?.type === 'numeric' ? last.values.at(-1) : null).toBe(11); // 2015-12-31
  });

  it('writes cyclical parts as sine/cosine pairs, and the hour only where the dates have a time', async () => {
    const { table } = await dateParts(TIMES, 'label', { cyclical: true, year: false, dayOfYear: false });
    expect(table!.columns.map((c) => c.name)).toEqual([
      'when.month_sin', 'when.month_cos', 'when.day_of_week_sin', 'when.day_of_week_cos', 'when.hour_sin', 'when.hour_cos', 'x', 'label',
    ]);
    const sin = table!.columns[4];
    const cos = table!.columns[5];
    if (sin.type !== 'numeric' || cos.type !== 'numeric') throw new Error('expected numbers');
    expect(sin.values[0]).toBeCloseTo(0, 12); // hour 0
    expect(cos.values[3]).toBeCloseTo(0, 12); // hour 6: a quarter of the day
    expect(sin.values[3]).toBeCloseTo(1, 12);
    const noTime = await dateParts(SEATTLE, 'weather', { hour: true, year: false, month: false, dayOfWeek: false, dayOfYear: false });
    expect(noTime.table!.columns.map((c) => c.name)).toEqual(['precipitation', 'temp_max', 'temp_min', 'wind', 'weather']);
  });

  it('gives a missing date NaN in every part, and reads day/month/year when a day above 12 says so', async () => {
    const text = 'when,x,label\n13/01/2020,1,a\n,2,b\n01/02/2020,3,a\n05/02/2020,4,b\n';
    const { error, table } = await dateParts(text, 'label', { dayOfWeek: false, dayOfYear: false });
    expect(error).toBeNull();
    const col = (n: string) => table!.columns.find((c) => c.name === n);
    expect(values(col('when.month'), 4)).toEqual([0, NaN, 1, 1]);
    expect(values(col('when.year'), 4)).toEqual([2020, NaN, 2020, 2020]);
  });

  it('says which value is not a date when a named column is not one', async () => {
    const { error } = await dateParts(SEATTLE, 'date', { columns: ['weather'] });
    expect(error).toMatch(/Date parts: the values of "weather" do not all read as dates \(for example "drizzle"\)/);
    const numbers = await dateParts(SEATTLE, 'weather', { columns: ['wind'] });
    expect(numbers.error).toMatch(/works on text \(category\) columns, but "wind" holds number values/);
  });
});
