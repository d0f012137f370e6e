import { describeStep } from '../../core/step-description';
import { StepInputError } from '../../core/errors';
import { findColumn, makeTable, numericColumn, type Column, type NumericColumn, type Table } from '../../core/table';
import { defineStep } from '../step';
import { fitRows, requireTable } from '../require-input';
import { COLUMNS_PARAM, checkNewNames, chooseNumeric } from './column-choice';
import { symmetricEigen } from './symmetric-eigen';

/** What PCA learned: the centre, the components (unit loadings per used column) and how much variance each explains. */
export interface PcaFit {
  readonly columns: readonly string[];
  readonly means: readonly number[];
  /** One row of loadings per component, PC1 first; the largest-magnitude loading of each is positive. */
  readonly components: readonly (readonly number[])[];
  /** Variance of the training rows along each component (divided by rows − 1, as scikit-learn). */
  readonly explainedVariance: readonly number[];
  /** Each component's share of the total variance of the used columns. */
  readonly explainedVarianceRatio: readonly number[];
}

/** The most number columns PCA takes (its eigen-decomposition grows as the cube of this). */
export const MAX_PCA_COLUMNS = 300;

const LABEL = 'PCA';

/** What the palette, forms and restore know of `pca`: plain data, no code. */
export const pcaDescription = describeStep({
  kind: 'transform.pca',
  version: 1,
  category: 'transform',
  label: 'PCA',
  keywords: ['principal components', 'principal component analysis', 'dimensionality reduction', 'SVD', 'decomposition'],
  help:
    'Replaces the number columns by a few new ones (PC1, PC2, …): the directions along which the training rows vary most. ' +
    'Standardize first when the columns have different units. Needs columns without missing values.',
  usesRandomness: false,
  needs: ['wide', 'scaled'],
  fitsOnData: true,
  params: {
    nComponents: {
      type: 'number',
      label: 'Components',
      help: 'How many principal components to keep; at most the number of columns used.',
      default: 2,
      min: 1,
      max: 100,
      integer: true,
    },
    columns: COLUMNS_PARAM,
  },
});

/** Replaces number columns by their first principal components, found on the training rows. */
export const pca = defineStep(pcaDescription, {
  async run(ctx, input, params) {
    const data = requireTable(input, LABEL);
    const used = chooseNumeric(data, params.columns, LABEL);
    const rows = fitRows(input, data.table.rowCount);
    const k = params.nComponents;
    checkPcaInput(used, rows.length, k);
    const fit = fitPca(used, rows, k);
    const names = fit.components.map((_, i) => `PC${i + 1}`);
    checkNewNames(data.table.columns, names, new Set(fit.columns), LABEL);
    return { ...input, table: makeTable(projected(data.table, fit)), fitted: { ...input.fitted, [ctx.stepId]: fit } };
  },
  apply: (table, fit: PcaFit) => projected(table, fit),
});

/** The table with the fitted columns replaced by their scores PC1, PC2, … (the run's output, and new rows'). */
function projected(table: Table, fit: PcaFit): Column[] {
  const used = fit.columns.map((name) => {
    const col = findColumn(table, name);
    if (col?.type !== 'numeric') throw new StepInputError(`${LABEL} needs the number column "${name}" it was fitted on.`);
    return col;
  });
  const scores = fit.components.map((loadings, i) => numericColumn(`PC${i + 1}`, project(used, fit.means, loadings)));
  return replaceColumns(table.columns, used, scores);
}

function checkPcaInput(used: readonly NumericColumn[], trainRows: number, k: number): void {
  if (used.length > MAX_PCA_COLUMNS) {
    throw new StepInputError(`${LABEL} takes at most ${MAX_PCA_COLUMNS} number columns, and there are ${used.length}. Name fewer in Columns, or select the k best features first.`);
  }
  if (k > used.length) {
    throw new StepInputError(`${LABEL} was asked for ${k} components, but only ${used.length} number columns are used. Lower Components to ${used.length} or fewer.`);
  }
  if (trainRows < 2 || k > trainRows) {
    throw new StepInputError(`${LABEL} needs more training rows than components (${k} asked, ${trainRows} rows). Lower Components or use more data.`);
  }
  const gappy = used.find((c) => c.values.some(Number.isNaN));
  if (gappy) {
    throw new StepInputError(`${LABEL} needs complete columns, but "${gappy.name}" has missing values. Fill them in or drop those rows before PCA.`);
  }
}

/**
 * Centres the used columns on their training means, decomposes the training rows' covariance
 * (divided by rows − 1) and keeps the k components of largest variance, signs fixed.
 */
export function fitPca(used: readonly NumericColumn[], rows: ArrayLike<number>, k: number): PcaFit {
  const p = used.length;
  const means = used.map((c) => {
    let sum = 0;
    for (let i = 0; i < rows.length; i++) sum += c.values[rows[i]];
    return sum / rows.length;
  });
  const cov = covariance(used, means, rows);
  let total = 0;
  for (let j = 0; j < p; j++) total += cov[j * p + j];
  const { values, vectors } = symmetricEigen(cov, p);
  const explainedVariance = Array.from(values.subarray(0, k), (v) => Math.max(v, 0));
  return {
    columns: used.map((c) => c.name),
    means,
    components: vectors.slice(0, k).map(fixSign),
    explainedVariance,
    explainedVarianceRatio: explainedVariance.map((v) => (total > 0 ? v / total : 0)),
  };
}

/** Sample covariance matrix (row-major p×p) of the centred columns over the given rows. */
function covariance(used: readonly NumericColumn[], means: readonly number[], rows: ArrayLike<number>): Float64Array {
  const p = used.length;
  const n = rows.length;
  const centred = used.map((c, j) => Float64Array.from({ length: n }, (_, i) => c.values[rows[i]] - means[j]));
  const cov = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += centred[a][i] * centred[b][i];
      cov[a * p + b] = cov[b * p + a] = sum / (n - 1);
    }
  }
  return cov;
}

/** Flips a component so that its largest-magnitude loading (the first, on a tie) is positive. */
export function fixSign(vector: Float64Array): number[] {
  let at = 0;
  for (let i = 1; i < vector.length; i++) if (Math.abs(vector[i]) > Math.abs(vector[at])) at = i;
  const sign = vector[at] < 0 ? -1 : 1;
  return Array.from(vector, (x) => sign * x + 0);
}

/** Every row's score on one component: (x − mean) · loadings. */
function project(used: readonly NumericColumn[], means: readonly number[], loadings: readonly number[]): Float64Array {
  const out = new Float64Array(used[0].values.length);
  used.forEach((c, j) => {
    for (let r = 0; r < out.length; r++) out[r] += (c.values[r] - means[j]) * loadings[j];
  });
  return out;
}

/** The columns with the used ones removed and `added` put where the first used column was. */
function replaceColumns(columns: readonly Column[], used: readonly NumericColumn[], added: readonly Column[]): Column[] {
  const usedSet = new Set<Column>(used);
  const at = columns.findIndex((c) => usedSet.has(c));
  const kept = columns.filter((c) => !usedSet.has(c));
  const before = columns.slice(0, at).filter((c) => !usedSet.has(c)).length;
  return [...kept.slice(0, before), ...added, ...kept.slice(before)];
}
