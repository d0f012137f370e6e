import type { PipelineSpec, StepSpec } from '../core/spec';
import { BUNDLED, MODELS, OPTIMIZERS, own } from './python-tables';

// What an exported script cannot reproduce exactly, step by step, in words for its header.

const KNN_TIES =
  "k-nearest neighbours: pipelab takes equally distant training rows in row order; scikit-learn's k-d tree search promises no order on such ties, " +
  'so a tie at the k-th neighbour can pick another row (rare with continuous features; the scores matched exactly in our tests).';
const TREE_TIES =
  'Decision tree: of equally good splits pipelab takes the first feature, then the lowest threshold; scikit-learn tries the features in a random ' +
  'order (random_state = the seed) and keeps the first best split it meets, so on exact ties the trees can differ (they matched in our tests).';
const FOREST_DRAWS =
  "Random forest: the bootstrap rows and the features tried at each split are drawn from numpy's generator (random_state = the seed), not " +
  "pipelab's, so it grows other trees: scores are comparable (within about 2 points in our tests), not equal. With bootstrap on, pipelab's " +
  'minimum rows per leaf counts drawn rows (repeats included), scikit-learn counts distinct rows.';

function networkNotes(step: StepSpec, twoClasses: boolean): string[] {
  const p = step.params;
  const optimizer = String(p.optimizer ?? 'adam');
  const notes = [
    "Initial weights and the order of rows in each epoch come from numpy's generator (random_state = the seed), not from " +
      "pipelab's, so the numbers differ slightly from pipelab's; scikit-learn also draws the initial biases (pipelab starts them at 0)" +
      (p.activation === 'sigmoid' ? ' and, for the sigmoid (logistic) activation, draws weights from a narrower range.' : '.'),
    'scikit-learn trains the network in float64; pipelab trains it in float32 on TensorFlow.js.',
  ];
  if (optimizer === 'rmsprop') notes.push('RMSProp has no scikit-learn counterpart: the script trains the network with Adam instead.');
  if (optimizer === 'adam' || optimizer === 'rmsprop') {
    notes.push("scikit-learn adds Adam's epsilon (1e-7) before the bias correction, TensorFlow.js after it (a difference in the first updates only).");
  }
  if (step.kind === 'model.mlp-regressor') {
    notes.push("scikit-learn's squared loss is half the mean squared error pipelab minimises, so alpha is l2 / 2 (and SGD's learning rate is doubled) to keep the same objective.");
  } else if (twoClasses) {
    notes.push("With two classes scikit-learn's network ends in one logistic unit where pipelab's ends in a two-unit softmax, whose L2 penalty acts half as strongly on the last layer.");
  }
  return notes;
}

function modelNotes(step: StepSpec, twoClasses: boolean): string[] {
  const p = step.params;
  switch (step.kind) {
    case 'model.logistic-regression': {
      const name = own(OPTIMIZERS, String(p.optimizer ?? 'adam')) ?? String(p.optimizer);
      return [
        `Logistic regression is fitted by lbfgs to convergence instead of pipelab's mini-batch ${name} for ${String(p.epochs)} epochs, ` +
          'so the learning rate, epochs and optimizer have no counterpart; ' +
          (p.l2 === 0
            ? 'with l2 = 0 it has no penalty.'
            : 'C = b / (l2 * n_train), with b the batch size (the harmonic mean of the batch sizes when it does not divide n_train), ' +
              "doubled for two classes, gives lbfgs the objective that pipelab's per-batch penalty 0.5 * l2 * |W|^2 / size adds up to over an epoch."),
      ];
    }
    case 'model.mlp-classifier':
    case 'model.mlp-regressor':
      return networkNotes(step, twoClasses);
    case 'model.knn-classifier':
    case 'model.knn-regressor':
      return [KNN_TIES];
    case 'model.decision-tree':
    case 'model.decision-tree-regressor':
      return [TREE_TIES];
    case 'model.random-forest':
    case 'model.random-forest-regressor':
      return [FOREST_DRAWS];
    default:
      return [];
  }
}

function transformNotes(steps: readonly StepSpec[], hasLabels: boolean): string[] {
  const notes: string[] = [];
  const has = (kind: string): boolean => steps.some((s) => s.kind === kind);
  if (has('transform.select-k-best')) {
    const regression = steps.some((s) => own(MODELS, s.kind) === 'regression' || s.kind === 'evaluate.regression');
    notes.push('Select k best: scikit-learn breaks ties between equal scores in favour of later columns (pipelab: earlier ones), ranks constant columns last (pipelab scores them 0) ' +
      "and needs columns without missing values (pipelab skips the gaps)" +
      (regression ? "; it ranks regression features by F, in the same order as pipelab's |Pearson correlation|." : '.'));
  }
  if (has('transform.polynomial')) {
    notes.push('Polynomial features: PolynomialFeatures refuses missing values, where pipelab gives a missing product; fill them in or drop those rows first.');
  }
  if (hasLabels && has('transform.impute')) {
    notes.push("Fill in missing values: for label columns, scikit-learn breaks a tie between equally frequent labels by Python's string order, " +
      'pipelab by its label order (numbers by value), which differs only for labels that look like numbers.');
  }
  return notes;
}

/** What the exported script cannot reproduce exactly (also written as comments at the top of the script). */
export function exportNotes(spec: PipelineSpec): string[] {
  const steps = spec.steps.filter((s) => s.enabled);
  const data = steps.find((s) => s.kind.startsWith('data.'));
  const bundled = data?.kind === 'data.builtin' ? own(BUNDLED, data.params.name) : undefined;
  const twoClasses = data?.kind === 'data.synthetic' || (data?.kind === 'data.noise' && data.params.classes === 2) || bundled?.classes === 2;
  const hasLabels = data?.kind === 'data.import' || (bundled !== undefined && !bundled.load);
  return [...steps.flatMap((s) => (own(MODELS, s.kind) ? modelNotes(s, twoClasses) : [])), ...transformNotes(steps, hasLabels)];
}
