import { StepInputError } from '../../../core/errors';
import type { PipelineState, Split, Task } from '../../../core/state';
import { missingCount, type CategoricalColumn, type NumericColumn } from '../../../core/table';
import { featureColumns, requireSplit, requireTable, targetColumn } from '../../require-input';

/** What a supervised model needs: numeric features without gaps, a target of the right kind, a split. */
export interface SupervisedInput {
  readonly features: NumericColumn[];
  readonly split: Split;
  readonly rowCount: number;
}

/** Classification input: the target as class codes. */
export interface ClassificationInput extends SupervisedInput {
  readonly target: CategoricalColumn;
}

/** Regression input: the target as numbers. */
export interface RegressionInput extends SupervisedInput {
  readonly target: NumericColumn;
}

/** Checks a classification model's input and explains what to add when something is missing. */
export function classificationInput(state: PipelineState, label: string): ClassificationInput {
  const base = supervisedInput(state, label, 'classification');
  const target = targetColumn(requireTable(state, label));
  return { ...base, target: target as CategoricalColumn };
}

/** Checks a regression model's input and explains what to add when something is missing. */
export function regressionInput(state: PipelineState, label: string): RegressionInput {
  const base = supervisedInput(state, label, 'regression');
  const target = targetColumn(requireTable(state, label));
  return { ...base, target: target as NumericColumn };
}

function supervisedInput(state: PipelineState, label: string, task: Task): SupervisedInput {
  const data = requireTable(state, label);
  if (data.task !== task) {
    const other = task === 'classification' ? 'a regression model (linear regression, MLP regressor)' : 'a classifier';
    throw new StepInputError(`${label} is for ${task}, but the target "${data.target}" asks for ${data.task}: use ${other}.`);
  }
  const split = requireSplit(state, label);
  const features: NumericColumn[] = [];
  for (const col of featureColumns(data)) {
    if (col.type === 'categorical') {
      throw new StepInputError(`${label} needs numbers, but column "${col.name}" holds labels: add a One-hot encode step before it.`);
    }
    const gaps = missingCount(col);
    if (gaps > 0) {
      throw new StepInputError(`Column "${col.name}" has ${gaps} missing values: add a Drop rows with missing values step before ${label}.`);
    }
    features.push(col);
  }
  if (features.length === 0) throw new StepInputError(`${label} needs at least one feature column besides the target.`);
  const target = targetColumn(data);
  if (missingCount(target) > 0) {
    throw new StepInputError(`The target "${data.target}" has missing values: add a Drop rows with missing values step before ${label}.`);
  }
  return { features, split, rowCount: data.table.rowCount };
}

/** Row-major float32 matrix of the given rows (all rows when `rows` is null). */
export function designMatrix(features: readonly NumericColumn[], rows: ArrayLike<number> | null, rowCount: number): Float32Array {
  const n = rows ? rows.length : rowCount;
  const d = features.length;
  const out = new Float32Array(n * d);
  for (let j = 0; j < d; j++) {
    const values = features[j].values;
    for (let i = 0; i < n; i++) out[i * d + j] = values[rows ? rows[i] : i];
  }
  return out;
}

/** One-hot float32 targets (rows × classes) for the given rows. */
export function oneHotTargets(target: CategoricalColumn, rows: ArrayLike<number>): Float32Array {
  const k = target.categories.length;
  const out = new Float32Array(rows.length * k);
  for (let i = 0; i < rows.length; i++) out[i * k + target.codes[rows[i]]] = 1;
  return out;
}
