import { describeStep } from '../../core/step-description';
import { StepInputError } from '../../core/errors';
import type { Prng } from '../../core/prng';
import type { Split } from '../../core/state';
import { defineStep } from '../step';
import { requireTable } from '../require-input';
import { rowsByClass, stratificationCodes, withSplit } from './by-class';

/** What the palette, forms and restore know of `kFoldSplit`: plain data, no code. */
export const kFoldSplitDescription = describeStep({
  kind: 'split.k-fold',
  version: 1,
  category: 'split',
  shortId: 'folds',
  label: 'K-fold cross-validation',
  keywords: ['KFold', 'StratifiedKFold', 'CV', 'cross_val_score', 'folds'],
  help:
    'Cuts the rows into k equal folds and runs the rest of the pipeline k times, each time testing on one fold and training on the others. ' +
    'Every row is tested once, and the score comes with its spread (mean ± std): use it on small data sets, where one test set is a matter of luck.',
  usesRandomness: true,
  params: {
    folds: {
      type: 'number',
      label: 'Folds (k)',
      help: 'How many parts to cut the rows into; each part is the test set once. 5 or 10 is usual; more folds mean more runs.',
      default: 5,
      min: 2,
      max: 20,
      integer: true,
      step: 1,
    },
    stratify: {
      type: 'boolean',
      label: 'Stratify',
      help: 'Give every fold the same mix of classes as the whole data set (classification only).',
      default: true,
    },
  },
});

/**
 * Splits the rows into k folds for cross-validation, at random from the step seed:
 * each row is in exactly one fold's test set. The engine then runs the later steps
 * once per fold and reports the mean and spread of each metric.
 */
export const kFoldSplit = defineStep(kFoldSplitDescription, {
  async run(ctx, input, params) {
    const data = requireTable(input, 'K-fold cross-validation');
    const k = params.folds;
    const n = data.table.rowCount;
    if (n < k) throw new StepInputError(`${k} folds need at least ${k} rows, but the data has ${n}; use fewer folds.`);
    const codes = stratificationCodes(data, params.stratify);
    const foldOf = codes ? stratifiedFolds(codes, k, ctx.rng) : randomFolds(n, k, ctx.rng);
    const folds = splitsOf(foldOf, k);
    return withSplit(input, folds[0], folds);
  },
});

/** The test fold of every row: a random permutation dealt round-robin, so fold sizes differ by at most 1. */
function randomFolds(n: number, k: number, rng: Prng): Int32Array {
  const foldOf = new Int32Array(n);
  rng.permutation(n).forEach((row, j) => (foldOf[row] = j % k));
  return foldOf;
}

/**
 * The test fold of every row, class by class (classes in code order): each class's rows
 * are shuffled and dealt round-robin, continuing where the previous class stopped. Each
 * class's count per fold then differs by at most 1, and so do the fold sizes.
 */
function stratifiedFolds(codes: Int32Array, k: number, rng: Prng): Int32Array {
  const foldOf = new Int32Array(codes.length);
  let dealt = 0;
  for (const classRows of rowsByClass(codes)) {
    rng.shuffle(classRows).forEach((row) => (foldOf[row] = dealt++ % k));
  }
  return foldOf;
}

/** The k train/test splits (index arrays ascending) from each row's test fold. */
function splitsOf(foldOf: Int32Array, k: number): Split[] {
  return Array.from({ length: k }, (_, f) => {
    const test: number[] = [];
    const train: number[] = [];
    foldOf.forEach((g, row) => (g === f ? test : train).push(row));
    return { train: Int32Array.from(train), test: Int32Array.from(test) };
  });
}
