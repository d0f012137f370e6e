import type { PipelineState } from '../core/state';
import { MISSING_CODE, findColumn } from '../core/table';

// The score a model must beat to have learned anything: always predicting the training rows'
// most common class (classification), or their mean (regression). Shown beside the model's
// score; computed for display only, never part of a step's hashed output.

/** A trivial predictor's test score: the majority class's accuracy, or the training mean's R². */
export type Baseline =
  | { readonly kind: 'majority'; readonly metric: 'accuracy'; readonly value: number; readonly cls: string }
  | { readonly kind: 'mean'; readonly metric: 'r2'; readonly value: number; readonly mean: number };

/** Accuracy on the test rows of always predicting the most common class of the training rows (ties: the first class); null without labelled rows. */
export function majorityBaseline(codes: ArrayLike<number>, categories: readonly string[], train: ArrayLike<number>, test: ArrayLike<number>): Baseline | null {
  const counts = new Array<number>(categories.length).fill(0);
  for (let i = 0; i < train.length; i++) {
    const c = codes[train[i]];
    if (c !== MISSING_CODE) counts[c]++;
  }
  const best = counts.indexOf(Math.max(...counts));
  let labelled = 0;
  let hits = 0;
  for (let i = 0; i < test.length; i++) {
    const c = codes[test[i]];
    if (c === MISSING_CODE) continue;
    labelled++;
    if (c === best) hits++;
  }
  if (best < 0 || labelled === 0 || counts[best] === 0) return null;
  return { kind: 'majority', metric: 'accuracy', value: hits / labelled, cls: categories[best] };
}

/** R² on the test rows of always predicting the training rows' mean (0 when the test mean is the training mean, a little below otherwise); null without enough values. */
export function meanBaseline(values: ArrayLike<number>, train: ArrayLike<number>, test: ArrayLike<number>): Baseline | null {
  const present = (rows: ArrayLike<number>): number[] => Array.from(rows, (r) => values[r]).filter((v) => !Number.isNaN(v));
  const fit = present(train);
  const truth = present(test);
  if (fit.length === 0 || truth.length < 2) return null;
  const mean = fit.reduce((a, b) => a + b, 0) / fit.length;
  const testMean = truth.reduce((a, b) => a + b, 0) / truth.length;
  const total = truth.reduce((a, v) => a + (v - testMean) ** 2, 0);
  const residual = truth.reduce((a, v) => a + (v - mean) ** 2, 0);
  return total > 0 ? { kind: 'mean', metric: 'r2', value: 1 - residual / total, mean } : null;
}

/** The baseline of a finished run's last state (its target, task and train/test split), or null when it has none. */
export function runBaseline(state: PipelineState): Baseline | null {
  const { table, target, split, task } = state;
  const column = table && target ? findColumn(table, target) : undefined;
  if (!column || !split || !state.evaluation) return null;
  if (task === 'classification' && column.type === 'categorical') return majorityBaseline(column.codes, column.categories, split.train, split.test);
  if (task === 'regression' && column.type === 'numeric') return meanBaseline(column.values, split.train, split.test);
  return null;
}
