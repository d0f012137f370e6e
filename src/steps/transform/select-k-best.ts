import { describeStep } from '../../core/step-description';
import { MISSING_CODE, makeTable, type Column, type NumericColumn, type Table } from '../../core/table';
import { defineStep } from '../step';
import { fitRows, requireTable, targetColumn } from '../require-input';

/** One kept feature and how strongly it relates to the target. */
export interface FeatureScore {
  readonly column: string;
  readonly score: number;
}

/** What the palette, forms and restore know of `selectKBest`: plain data, no code. */
export const selectKBestDescription = describeStep({
  kind: 'transform.select-k-best',
  version: 1,
  category: 'transform',
  label: 'Select the k best features',
  keywords: ['SelectKBest', 'feature selection', 'ANOVA', 'f_classif', 'f_regression'],
  help:
    'Keeps the k number columns most related to the target and drops the other number columns. ' +
    'It must be fitted after the split: selecting on all rows lets the test rows choose the features.',
  usesRandomness: false,
  needs: ['wide'],
  fitsOnData: true,
  params: {
    k: {
      type: 'number',
      label: 'Features kept (k)',
      help: 'How many number columns to keep; when there are fewer, all of them stay.',
      default: 10,
      min: 1,
      max: 1000,
      integer: true,
    },
  },

});

/** Keeps the k numeric features most related to the target, scored on the training rows. */
export const selectKBest = defineStep(selectKBestDescription, {
  async run(ctx, input, params) {
    const data = requireTable(input, 'Select the k best features');
    const target = targetColumn(data);
    const rows = fitRows(input, data.table.rowCount);
    const features = data.table.columns.filter((c): c is NumericColumn => c.type === 'numeric' && c.name !== data.target);
    const scored = features.map((col) => ({ column: col.name, score: scoreFeature(col.values, target, rows) }));
    const kept = rankScores(scored).slice(0, params.k);
    const fitted: SelectKBestFit = { scoredBy: target.type === 'categorical' ? 'ANOVA F' : '|Pearson correlation|', kept };
    return { ...input, table: makeTable(selected(data.table, fitted, data.target)), fitted: { ...input.fitted, [ctx.stepId]: fitted } };
  },
  apply: (table, fitted: SelectKBestFit, _params, target) => selected(table, fitted, target),
});

/** What Select k best learns: how it scored, and the kept columns with their scores, best first. */
export interface SelectKBestFit {
  readonly scoredBy: string;
  readonly kept: readonly FeatureScore[];
}

/** The kept number columns, every other column, and the target, in table order. */
function selected(table: Table, fitted: SelectKBestFit, target: string): Column[] {
  const keep = new Set(fitted.kept.map((s) => s.column));
  return table.columns.filter((c: Column) => c.type !== 'numeric' || c.name === target || keep.has(c.name));
}

/** Scores sorted from best to worst; equal scores keep their column order. A NaN score counts as 0. */
export function rankScores(scores: readonly FeatureScore[]): FeatureScore[] {
  const key = (s: number) => (Number.isNaN(s) ? 0 : s);
  return scores
    .map((s, i) => ({ s, i }))
    .sort((a, b) => key(b.s.score) - key(a.s.score) || a.i - b.i)
    .map(({ s }) => s);
}

function scoreFeature(values: Float64Array, target: Column, rows: ArrayLike<number>): number {
  if (target.type === 'categorical') return anovaF(values, target.codes, target.categories.length, rows);
  return Math.abs(pearson(values, target.values, rows));
}

/**
 * The one-way ANOVA F statistic of a feature across classes (as scikit-learn's f_classif):
 * between-class variance over within-class variance. Rows with a missing value are skipped;
 * 0 when it is undefined, Infinity when the classes do not overlap at all.
 */
export function anovaF(values: Float64Array, codes: Int32Array, classCount: number, rows: ArrayLike<number>): number {
  const count = new Float64Array(classCount);
  const sum = new Float64Array(classCount);
  let n = 0;
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    const c = codes[rows[i]];
    if (Number.isNaN(v) || c === MISSING_CODE) continue;
    count[c]++;
    sum[c] += v;
    n++;
    total += v;
  }
  const groups = count.filter((x) => x > 0).length;
  if (groups < 2 || n <= groups) return 0;
  const mean = total / n;
  let within = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    const c = codes[rows[i]];
    if (Number.isNaN(v) || c === MISSING_CODE) continue;
    const d = v - sum[c] / count[c];
    within += d * d;
  }
  let between = 0;
  for (let c = 0; c < classCount; c++) {
    if (count[c] === 0) continue;
    const d = sum[c] / count[c] - mean;
    between += count[c] * d * d;
  }
  if (within === 0) return between > 0 ? Infinity : 0;
  return between / (groups - 1) / (within / (n - groups));
}

/** Pearson correlation of two columns over the rows where both are present (0 when either is constant). */
export function pearson(x: Float64Array, y: Float64Array, rows: ArrayLike<number>): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < rows.length; i++) {
    const a = x[rows[i]];
    const b = y[rows[i]];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    sx += a;
    sy += b;
  }
  if (n < 2) return 0;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rows.length; i++) {
    const a = x[rows[i]];
    const b = y[rows[i]];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sxy += (a - mx) * (b - my);
    sxx += (a - mx) * (a - mx);
    syy += (b - my) * (b - my);
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}
