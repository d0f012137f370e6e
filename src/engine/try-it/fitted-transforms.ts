import { MISSING_CODE, categoricalColumn, numericColumn, type CategoricalColumn, type Column, type NumericColumn, type Table } from '../../core/table';
import type { PcaFit } from '../../steps/transform/pca';
import type { ImputeFit } from '../../steps/transform/impute';
import type { RobustFit } from '../../steps/transform/robust-scale';
import { scaleOrOne } from '../../steps/transform/column-stats';

/**
 * The fitted transforms applied to new rows with the state a run recorded (`fitted[stepId]`),
 * never refitted: each returns the columns it produces or keeps (the caller puts them in the
 * order of the step's recorded output). The arithmetic is the steps' own, in the same order,
 * so a row gets the very numbers the pipeline gave it.
 */
type Apply = (table: Table, fitted: unknown) => Column[];

/** Text of a categorical cell, or null when missing. */
function textAt(col: CategoricalColumn, row: number): string | null {
  return col.codes[row] === MISSING_CODE ? null : col.categories[col.codes[row]];
}

/** Maps the numeric columns named in `fitted` through `f(value, fit)`; other columns pass unchanged. */
function mapNumeric<F>(table: Table, fitted: Readonly<Record<string, F>>, f: (v: number, fit: F) => number): Column[] {
  return table.columns.map((col) => {
    const fit = fitted[col.name];
    return col.type === 'numeric' && fit !== undefined ? numericColumn(col.name, col.values.map((v) => f(v, fit))) : col;
  });
}

const standardize: Apply = (table, fitted) =>
  mapNumeric(table, fitted as Record<string, { mean: number; scale: number }>, (v, fit) => (v - fit.mean) / fit.scale);

const minMax: Apply = (table, fitted) =>
  mapNumeric(table, fitted as Record<string, { min: number; max: number }>, (v, fit) => (v - fit.min) / scaleOrOne(fit.max - fit.min));

const robustScale: Apply = (table, fitted) => mapNumeric(table, fitted as Record<string, RobustFit>, (v, fit) => (v - fit.median) / fit.scale);

const impute: Apply = (table, fitted) => {
  const fits = fitted as Record<string, ImputeFit>;
  return table.columns.map((col) => {
    const fit = fits[col.name];
    if (!fit) return col;
    if (col.type === 'numeric') return numericColumn(col.name, col.values.map((v) => (Number.isNaN(v) ? (fit.fill as number) : v)));
    const fill = String(fit.fill);
    const categories = col.categories.includes(fill) ? col.categories : [...col.categories, fill];
    const fillCode = categories.indexOf(fill);
    return categoricalColumn(col.name, Int32Array.from(col.codes, (c) => (c === MISSING_CODE ? fillCode : c)), categories);
  });
};

const oneHot: Apply = (table, fitted) => {
  const kept = fitted as Record<string, readonly string[]>;
  return table.columns.flatMap((col): Column[] => {
    const cats = kept[col.name];
    if (col.type !== 'categorical' || !cats) return [col];
    return cats.map((cat) => numericColumn(`${col.name}=${cat}`, Float64Array.from({ length: col.codes.length }, (_, r) => (textAt(col, r) === cat ? 1 : 0))));
  });
};

const ordinalEncode: Apply = (table, fitted) => {
  const sorted = fitted as Record<string, readonly string[]>;
  return table.columns.map((col) => {
    const cats = sorted[col.name];
    if (col.type !== 'categorical' || !cats) return col;
    const position = new Map(cats.map((c, i) => [c, i]));
    return numericColumn(col.name, Float64Array.from({ length: col.codes.length }, (_, r) => {
      const text = textAt(col, r);
      return text === null ? NaN : position.get(text) ?? NaN;
    }));
  });
};

const pca: Apply = (table, fitted) => {
  const fit = fitted as PcaFit;
  const used = fit.columns.map((name) => table.columns.find((c) => c.name === name) as NumericColumn);
  const scores = fit.components.map((loadings, i) => {
    const out = new Float64Array(table.rowCount);
    used.forEach((c, j) => {
      for (let r = 0; r < out.length; r++) out[r] += (c.values[r] - fit.means[j]) * loadings[j];
    });
    return numericColumn(`PC${i + 1}`, out);
  });
  return [...table.columns.filter((c) => !fit.columns.includes(c.name)), ...scores];
};

/** Keeps columns by the step's recorded output (which the caller does): nothing to compute. */
const selectKBest: Apply = (table) => [...table.columns];

/** Fitted transforms by step kind. */
export const FITTED_TRANSFORMS: Readonly<Record<string, Apply>> = {
  'transform.standardize': standardize,
  'transform.min-max': minMax,
  'transform.robust-scale': robustScale,
  'transform.impute': impute,
  'transform.one-hot': oneHot,
  'transform.ordinal-encode': ordinalEncode,
  'transform.pca': pca,
  'transform.select-k-best': selectKBest,
};
