import { describeStep } from '../../core/step-description';
import type { Prng } from '../../core/prng';
import { EMPTY_STATE } from '../../core/state';
import { categoricalColumn, makeTable, numericColumn, type Column } from '../../core/table';
import { defineStep } from '../step';

/** What the palette, forms and restore know of `noiseDataset`: plain data, no code. */
export const noiseDatasetDescription = describeStep({
  kind: 'data.noise',
  version: 1,
  category: 'data',
  label: 'Random noise data',
  keywords: ['random features', 'leakage demo', 'make_classification'],
  help:
    'Random numbers with random labels: nothing here can be learned, so any test score above chance is an illusion. ' +
    'The classic way to expose leakage.',
  usesRandomness: true,
  params: {
    samples: {
      type: 'number',
      label: 'Rows',
      help: 'How many rows to draw; with few rows, chance alone makes some features look useful.',
      default: 100,
      min: 20,
      max: 2000,
      integer: true,
      step: 10,
    },
    features: {
      type: 'number',
      label: 'Features',
      help: 'How many random number columns to draw; the more there are, the more of them look useful by luck.',
      default: 500,
      min: 1,
      max: 2000,
      integer: true,
      step: 10,
    },
    classes: {
      type: 'number',
      label: 'Classes',
      help: 'How many labels the rows get, each equally likely; guessing scores one in this many.',
      default: 2,
      min: 2,
      max: 10,
      integer: true,
    },
  },
});

/** Random features and random labels, unrelated to each other: a data set nothing can be learned from. */
export const noiseDataset = defineStep(noiseDatasetDescription, {
  async run(ctx, _input, params) {
    const table = makeTable(noiseColumns(params.samples, params.features, params.classes, ctx.rng));
    return { ...EMPTY_STATE, table, target: 'label', task: 'classification' };
  },
});

/** Columns x0…x{features-1} of standard normal draws (row by row), then the uniformly drawn `label`. */
function noiseColumns(samples: number, features: number, classes: number, rng: Prng): Column[] {
  const values = Array.from({ length: features }, () => new Float64Array(samples));
  const codes = new Int32Array(samples);
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < features; j++) values[j][i] = rng.normal();
    codes[i] = rng.int(classes);
  }
  const names = Array.from({ length: classes }, (_, c) => `class ${c}`);
  return [...values.map((v, j) => numericColumn(`x${j}`, v)), categoricalColumn('label', codes, names)];
}
