import type { PipelineSpec, StepSpec } from '../core/spec';
import { BUNDLED, MODELS, OPTIMIZERS, own } from './python-tables';

function modelNotes(step: StepSpec, twoClasses: boolean): string[] {
  const p = step.params;
  const optimizer = String(p.optimizer ?? 'adam');
  const name = own(OPTIMIZERS, optimizer) ?? optimizer;
  if (step.kind === 'model.logistic-regression') {
    return [
      `Logistic regression is fitted by lbfgs to convergence instead of pipelab's mini-batch ${name} for ${String(p.epochs)} epochs, ` +
        'so the learning rate, epochs and optimizer have no counterpart; ' +
        (p.l2 === 0
          ? 'with l2 = 0 it has no penalty.'
          : "C = b / (l2 * n_train), with b the batch size (the harmonic mean of the batch sizes when it does not divide n_train), " +
            "doubled for two classes, gives lbfgs the objective that pipelab's per-batch penalty 0.5 * l2 * |W|^2 / size adds up to over an epoch."),
    ];
  }
  if (step.kind === 'model.linear-regression') return [];
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

/** What the exported script cannot reproduce exactly (also written as comments at the top of the script). */
export function exportNotes(spec: PipelineSpec): string[] {
  const steps = spec.steps.filter((s) => s.enabled);
  const data = steps.find((s) => s.kind.startsWith('data.'));
  const bundled = data?.kind === 'data.builtin' ? own(BUNDLED, data.params.name) : undefined;
  const twoClasses = data?.kind === 'data.synthetic' || (data?.kind === 'data.noise' && data.params.classes === 2) || bundled?.classes === 2;
  const notes = steps.flatMap((s) => own(MODELS, s.kind) ? modelNotes(s, twoClasses) : []);
  if (steps.some((s) => s.kind === 'transform.select-k-best')) {
    const regression = steps.some((s) => s.kind === 'evaluate.regression' || s.kind === 'model.linear-regression' || s.kind === 'model.mlp-regressor');
    notes.push("Select k best: scikit-learn breaks ties between equal scores in favour of later columns (pipelab: earlier ones) and ranks constant columns last (pipelab scores them 0)" +
      (regression ? "; it ranks regression features by F, in the same order as pipelab's |Pearson correlation|." : '.'));
  }
  if (bundled && !bundled.load && steps.some((s) => s.kind.startsWith('transform.') && s.kind !== 'transform.drop-missing')) {
    notes.push("On data with label columns the steps are wrapped in ColumnTransformer, which puts the columns it transforms first (pipelab keeps the order), and a missing label gets its own one-hot column (pipelab sets all of that label's columns to 0).");
  }
  const split = steps.findIndex((s) => s.kind === 'split.train-test');
  const lateDrop = steps.findIndex((s, i) => i > split && split >= 0 && s.kind === 'transform.drop-missing');
  const fittedFirst = steps.slice(split + 1, lateDrop).filter((s) => s.kind.startsWith('transform.'));
  if (lateDrop > 0 && fittedFirst.length) {
    notes.push(`Rows with missing values are dropped right after the split; pipelab fits ${fittedFirst.map((s) => `"${s.id}"`).join(', ')} before dropping them.`);
  }
  return notes;
}
