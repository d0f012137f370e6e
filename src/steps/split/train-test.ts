import { describeStep } from '../../core/step-description';
import { StepInputError } from '../../core/errors';
import type { Prng } from '../../core/prng';
import type { Split } from '../../core/state';
import { defineStep } from '../step';
import { requireTable } from '../require-input';
import { rowsByClass, stratificationCodes, withSplit } from './by-class';

/** What the palette, forms and restore know of `trainTestSplit`: plain data, no code. */
export const trainTestSplitDescription = describeStep({
  kind: 'split.train-test',
  version: 1,
  category: 'split',
  shortId: 'split',
  label: 'Train/test split',
  keywords: ['train_test_split', 'holdout', 'validation set'],
  help: 'Holds back some rows as a test set the model never trains on, so its score is honest.',
  usesRandomness: true,
  params: {
    testFraction: {
      type: 'number',
      label: 'Test fraction',
      help: 'Share of rows kept for testing; 0.2 to 0.3 is usual.',
      default: 0.25,
      min: 0.05,
      max: 0.9,
      step: 0.05,
    },
    stratify: {
      type: 'boolean',
      label: 'Stratify',
      help: 'Keep each class in the same proportion in both sets (classification only).',
      default: true,
    },
  },
});

/** Splits the rows into a training set and a test set, at random from the step seed. */
export const trainTestSplit = defineStep(trainTestSplitDescription, {
  async run(ctx, input, params) {
    const data = requireTable(input, 'The split');
    const fraction = params.testFraction;
    const n = data.table.rowCount;
    const codes = stratificationCodes(data, params.stratify);
    const split = codes ? stratifiedSplit(codes, fraction, ctx.rng) : randomSplit(Int32Array.from({ length: n }, (_, i) => i), fraction, ctx.rng);
    if (split.train.length === 0 || split.test.length === 0) {
      throw new StepInputError(`A ${fraction} test fraction of ${n} rows leaves an empty set; use more rows or another fraction.`);
    }
    return withSplit(input, split);
  },
});

function randomSplit(rows: Int32Array, fraction: number, rng: Prng): Split {
  const shuffled = rng.shuffle(Int32Array.from(rows));
  const nTest = Math.round(rows.length * fraction);
  return { test: shuffled.slice(0, nTest).sort(), train: shuffled.slice(nTest).sort() };
}

function stratifiedSplit(codes: Int32Array, fraction: number, rng: Prng): Split {
  const train: number[] = [];
  const test: number[] = [];
  for (const classRows of rowsByClass(codes)) {
    const part = randomSplit(classRows, fraction, rng);
    for (const r of part.train) train.push(r); // not push(...rows): a big class overflows the call stack
    for (const r of part.test) test.push(r);
  }
  return { train: Int32Array.from(train).sort(), test: Int32Array.from(test).sort() };
}
