import { MISSING_CODE, numericColumn, type CategoricalColumn, type Column, type Table } from '../../core/table';

// What the transforms' apply functions share: a fitted state by column name, mapped over a table.

/** The fit recorded for a column name (an own property only, so a column named "constructor" finds nothing). */
export function fitOf<F>(fitted: Readonly<Record<string, F>>, name: string): F | undefined {
  return Object.hasOwn(fitted, name) ? fitted[name] : undefined;
}

/** Maps the numeric columns named in `fitted` through `f(value, fit)` in a plain loop; other columns pass unchanged. */
export function mapNumeric<F>(table: Table, fitted: Readonly<Record<string, F>>, f: (v: number, fit: F) => number): Column[] {
  return table.columns.map((col) => {
    const fit = fitOf(fitted, col.name);
    if (col.type !== 'numeric' || fit === undefined) return col;
    const out = new Float64Array(col.values.length);
    for (let i = 0; i < out.length; i++) out[i] = f(col.values[i], fit);
    return numericColumn(col.name, out);
  });
}

/** Text of a categorical cell, or null when missing. */
export function textAt(col: CategoricalColumn, row: number): string | null {
  return col.codes[row] === MISSING_CODE ? null : col.categories[col.codes[row]];
}
