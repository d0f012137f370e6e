import { describeStep } from '../../core/step-description';
import { StepInputError } from '../../core/errors';
import { makeTable, numericColumn, type Column, type NumericColumn } from '../../core/table';
import { defineStep } from '../step';
import { requireTable } from '../require-input';
import { COLUMNS_PARAM, checkNewNames, chooseNumeric, type TableColumns } from './column-choice';
import type { ParamsOf } from '../../core/params';

/** The most columns (original plus products) the step may produce. */
export const MAX_POLYNOMIAL_COLUMNS = 2000;

const LABEL = 'Polynomial features';

/** What the palette, forms and restore know of `polynomial`: plain data, no code. */
export const polynomialDescription = describeStep({
  kind: 'transform.polynomial',
  version: 1,
  category: 'transform',
  label: 'Polynomial features',
  keywords: ['PolynomialFeatures', 'interactions', 'feature crosses', 'squares'],
  help:
    'Adds products of the number columns, such as a^2 and a*b, so a linear model can fit curves and interactions. ' +
    'The number of columns grows fast with more columns and a higher degree.',
  usesRandomness: false,
  params: {
    degree: {
      type: 'number',
      label: 'Degree',
      help: 'The highest power: 2 adds squares and pairwise products, 3 also adds products of three columns.',
      default: 2,
      min: 2,
      max: 3,
      integer: true,
    },
    interactionOnly: {
      type: 'boolean',
      label: 'Interactions only',
      help: 'Only products of different columns (a*b), no powers of one column (a^2).',
      default: false,
    },
    columns: COLUMNS_PARAM,
  },

});

/** Adds products of number columns (squares and pairwise products, …), in scikit-learn's PolynomialFeatures order. */
export const polynomial = defineStep(polynomialDescription, {
  async run(_ctx, input, params) {
    return { ...input, table: makeTable(withProducts(requireTable(input, LABEL), params)) };
  },
  apply: (table, _fitted, params, target) => withProducts({ table, target }, params),
});

/** The table with the products of the chosen number columns added after the last of them. */
function withProducts(data: TableColumns, params: ParamsOf<typeof polynomialDescription.params>): Column[] {
  const used = chooseNumeric(data, params.columns, LABEL);
  const degree = params.degree;
  const interactionOnly = params.interactionOnly;
  const total = used.length + termCount(used.length, degree, interactionOnly);
  if (total > MAX_POLYNOMIAL_COLUMNS) {
    throw new StepInputError(
      `${LABEL} would make ${total} columns from ${used.length} number columns (at most ${MAX_POLYNOMIAL_COLUMNS}). ` +
        'Pick fewer columns in Columns, lower the degree, or turn on Interactions only.',
    );
  }
  const added = productTerms(used.length, degree, interactionOnly).map((term) => productColumn(used, term));
  checkNewNames(data.table.columns, added.map((c) => c.name), new Set(), LABEL);
  return insertAfterLast(data.table.columns, used, added);
}

/** Number of product terms of degree 2 to `degree` over n columns (multisets, or sets when interaction only). */
export function termCount(n: number, degree: number, interactionOnly: boolean): number {
  let total = 0;
  for (let d = 2; d <= degree; d++) total += interactionOnly ? choose(n, d) : choose(n + d - 1, d);
  return total;
}

function choose(n: number, k: number): number {
  if (k > n) return 0;
  let out = 1;
  for (let i = 1; i <= k; i++) out = (out * (n - k + i)) / i;
  return Math.round(out);
}

/**
 * The product terms as ascending index lists, degree 2 first, each degree in
 * lexicographic order: (0,0), (0,1), …, (1,1), … as itertools.combinations_with_replacement
 * (or combinations, when interaction only), which is scikit-learn's order.
 */
export function productTerms(n: number, degree: number, interactionOnly: boolean): number[][] {
  const terms: number[][] = [];
  const extend = (term: number[], d: number): void => {
    if (term.length === d) {
      terms.push(term);
      return;
    }
    const start = term.length === 0 ? 0 : term[term.length - 1] + (interactionOnly ? 1 : 0);
    for (let i = start; i < n; i++) extend([...term, i], d);
  };
  for (let d = 2; d <= degree; d++) extend([], d);
  return terms;
}

/**
 * The column of one product term, named like "a^2*b"; values multiplied from the last
 * factor to the first, a·(b·c), as scikit-learn builds each degree from the one below.
 */
function productColumn(used: readonly NumericColumn[], term: readonly number[]): NumericColumn {
  const values = Float64Array.from(used[term[term.length - 1]].values);
  for (let t = term.length - 2; t >= 0; t--) {
    const factor = used[term[t]].values;
    for (let r = 0; r < values.length; r++) values[r] *= factor[r];
  }
  return numericColumn(termName(used, term), values);
}

function termName(used: readonly NumericColumn[], term: readonly number[]): string {
  const parts: string[] = [];
  for (let t = 0; t < term.length; ) {
    let power = 1;
    while (t + power < term.length && term[t + power] === term[t]) power++;
    parts.push(power === 1 ? used[term[t]].name : `${used[term[t]].name}^${power}`);
    t += power;
  }
  return parts.join('*');
}

/** The table's columns with `added` placed right after the last of the `used` columns (or at the end). */
function insertAfterLast(columns: readonly Column[], used: readonly Column[], added: readonly Column[]): Column[] {
  const usedSet = new Set(used);
  let last = -1;
  columns.forEach((c, i) => {
    if (usedSet.has(c as NumericColumn)) last = i;
  });
  const at = last < 0 ? columns.length : last + 1;
  return [...columns.slice(0, at), ...added, ...columns.slice(at)];
}
