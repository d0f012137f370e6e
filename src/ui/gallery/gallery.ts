import { canonicalJson } from '../../core/canonical-json';
import { restorePipeline } from '../../core/restore';
import type { PipelineSpec } from '../../core/spec';
import { stepCatalog } from '../../steps/catalog';
import type { ResultWarning } from '../results/result-warnings';

/** One ready pipeline on the start page. */
export interface GalleryEntry {
  readonly id: string;
  readonly title: string;
  /** One line on what it shows. */
  readonly blurb: string;
  readonly spec: PipelineSpec;
  /**
   * The result warnings this example exists to show (its model is meant to fail that way),
   * with one sentence saying so: while the pipeline is unchanged they are told as the lesson,
   * not raised as a warning card.
   */
  readonly expectedWarnings?: { readonly kinds: readonly ResultWarning['kind'][]; readonly note: string };
}

const files = import.meta.glob<unknown>('../../../examples/*.json', { eager: true, import: 'default' });

function example(id: string): PipelineSpec {
  const doc = files[`../../../examples/${id}.json`];
  if (!doc) throw new Error(`examples/${id}.json is missing`);
  return restorePipeline(doc, stepCatalog);
}

/** The gallery, in the order a newcomer should meet it. */
export const GALLERY: readonly GalleryEntry[] = ([
  { id: 'iris-logreg', title: 'Iris flowers', blurb: 'Tell three iris species apart from four measurements with a linear model: the classic first pipeline.' },
  { id: 'spiral-mlp', title: 'Spiral', blurb: 'Two interleaved spirals: watch a small neural network bend its decision boundary around them.' },
  { id: 'circle-logreg', title: 'Circle vs. a straight line', blurb: 'A ring around a disc cannot be split by a straight line: see a linear model fail, then swap in an MLP.' },
  { id: 'penguins-mlp', title: 'Palmer penguins', blurb: 'Real data with gaps and text columns: drop incomplete rows, one-hot encode, scale, then classify.' },
  { id: 'digits-mlp', title: 'Handwritten digits', blurb: 'Recognise 8×8 images of handwritten digits with a neural network of 32 hidden units.' },
  {
    id: 'leakage-wrong-order',
    title: 'Leakage: a score too good to be true',
    blurb: 'On pure noise, features picked on all rows before the split make a useless model score well; the card warning shows how to fix it.',
    expectedWarnings: {
      kinds: ['overfit'],
      note: 'On pure noise the model can only memorise its training rows (100 %); the leak lifts the test score far above chance, which is the point of this demo.',
    },
  },
  {
    id: 'leakage-right-order',
    title: 'Leakage: the honest score',
    blurb: 'The same noise, with the features picked after the split on training rows only: the score falls back to chance.',
    expectedWarnings: {
      kinds: ['below-baseline', 'overfit'],
      note: 'On pure noise there is nothing to learn: the model memorises its training rows and does no better than always predicting the majority class on the test rows, which is the honest result this demo shows.',
    },
  },
  {
    id: 'iris-cv',
    title: 'Cross-validation: a score with its spread',
    blurb: 'Iris again, but tested five times on five different folds: the score comes as mean ± std, so you see how much one test set can be luck.',
  },
  { id: 'diabetes-linreg', title: 'Diabetes progression', blurb: 'Predict a number instead of a class: linear regression with residual plots.' },
] satisfies Omit<GalleryEntry, 'spec'>[]).map((e) => ({ ...e, spec: example(e.id) }));

function sameWork(a: PipelineSpec, b: PipelineSpec): boolean {
  return a.seed === b.seed && canonicalJson(a.steps) === canonicalJson(b.steps);
}

/** The gallery example a pipeline is, unchanged (same seed and steps), or null once anything was edited. */
export function unchangedExample(spec: PipelineSpec): GalleryEntry | null {
  return GALLERY.find((e) => sameWork(e.spec, spec)) ?? null;
}
