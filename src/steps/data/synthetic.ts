import { describeStep } from '../../core/step-description';
import { EMPTY_STATE } from '../../core/state';
import { categoricalColumn, makeTable, numericColumn } from '../../core/table';
import { defineStep } from '../step';
import { SHAPES } from './synthetic-shapes';

/** Class names of the two synthetic classes (the colours TensorFlow Playground uses). */
export const SYNTHETIC_CLASSES = ['blue', 'orange'] as const;

/** What the palette, forms and restore know of `syntheticDataset`: plain data, no code. */
export const syntheticDatasetDescription = describeStep({
  kind: 'data.synthetic',
  version: 1,
  category: 'data',
  shortId: 'data',
  label: 'Synthetic 2-D data',
  keywords: ['make_moons', 'make_circles', 'spiral', 'moons', 'circles', 'xor', 'blobs', 'gaussian', 'toy data'],
  help: 'Draws points of two classes in a shape you pick; good for seeing how a model bends its decision boundary.',
  usesRandomness: true,
  params: {
    shape: {
      type: 'choice',
      label: 'Shape',
      help: 'How the two classes are arranged. Circle, xor and spiral need a non-linear model.',
      default: 'circle',
      options: [
        { value: 'circle', label: 'Circle' },
        { value: 'xor', label: 'Exclusive or' },
        { value: 'gaussian', label: 'Two blobs' },
        { value: 'spiral', label: 'Spiral' },
        { value: 'moons', label: 'Moons' },
      ],
    },
    samples: {
      type: 'number',
      label: 'Points',
      help: 'How many points to draw, half of each class.',
      default: 400,
      min: 20,
      max: 5000,
      integer: true,
      step: 10,
    },
    noise: {
      type: 'number',
      label: 'Noise',
      help: 'How far points scatter from the clean shape; more noise makes the task harder.',
      default: 0.1,
      min: 0,
      max: 0.5,
      step: 0.01,
    },
  },
});

/** Generates a seeded two-class 2-D data set (circle, xor, blobs, spiral, moons). */
export const syntheticDataset = defineStep(syntheticDatasetDescription, {
  async run(ctx, _input, params) {
    const points = SHAPES[params.shape](params.samples, params.noise, ctx.rng);
    const table = makeTable([
      numericColumn('x', points.x),
      numericColumn('y', points.y),
      categoricalColumn('label', points.label, SYNTHETIC_CLASSES),
    ]);
    return { ...EMPTY_STATE, table, target: 'label', task: 'classification' };
  },
});
