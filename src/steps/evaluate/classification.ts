import { describeStep } from '../../core/step-description';
import { StepInputError } from '../../core/errors';
import type { Metrics, PipelineState } from '../../core/state';
import type { CategoricalColumn } from '../../core/table';
import { defineStep } from '../step';
import { requireSplit, requireTable, targetColumn } from '../require-input';
import { classificationScores, confusionMatrix, logLoss } from './classification-metrics';

/** What the palette, forms and restore know of `evaluateClassification`: plain data, no code. */
export const evaluateClassificationDescription = describeStep({
  kind: 'evaluate.classification',
  version: 1,
  category: 'evaluate',
  shortId: 'evaluate',
  label: 'Classification metrics',
  keywords: ['accuracy', 'F1', 'confusion matrix', 'score', 'log loss'],
  help: 'Scores the predictions on the test rows: accuracy, precision, recall, F1, log loss and a confusion matrix.',
  usesRandomness: false,
  needs: ['classification'],
  params: {},
  metrics: [
    { name: 'accuracy', label: 'Accuracy', unit: 'share', better: 'higher', order: 10 },
    { name: 'f1', label: 'F1 (macro)', unit: 'share', better: 'higher', order: 20 },
    { name: 'precision', label: 'Precision (macro)', unit: 'share', better: 'higher', order: 40 },
    { name: 'recall', label: 'Recall (macro)', unit: 'share', better: 'higher', order: 50 },
    { name: 'logLoss', label: 'Log loss', unit: 'number', better: 'lower', order: 60 },
  ],
});

/** Scores a classifier on the test rows (and the training rows, to spot overfitting). */
export const evaluateClassification = defineStep(evaluateClassificationDescription, {
  async run(_ctx, input) {
    const label = 'Classification metrics';
    const data = requireTable(input, label);
    const split = requireSplit(input, label);
    const p = input.predictions;
    if (!p || p.task !== 'classification' || !p.labels || !p.probabilities || !p.classes) {
      throw new StepInputError(`${label} need a classifier's predictions: put a classification model before this step.`);
    }
    const target = targetColumn(data) as CategoricalColumn;
    const k = p.classes.length;
    const score = (rows: Int32Array) => scoreRows(target, p.labels as Int32Array, p.probabilities as Float32Array, rows, k);
    const test = score(split.test);
    return {
      ...input,
      evaluation: {
        task: 'classification',
        test: test.metrics,
        train: score(split.train).metrics,
        confusion: { classes: p.classes, matrix: test.matrix },
      },
    } satisfies PipelineState;
  },
});

function scoreRows(target: CategoricalColumn, labels: Int32Array, probs: Float32Array, rows: Int32Array, k: number) {
  const truth = Int32Array.from(rows, (r) => target.codes[r]);
  const predicted = Int32Array.from(rows, (r) => labels[r]);
  const matrix = confusionMatrix(truth, predicted, k);
  const metrics: Metrics = { ...classificationScores(matrix), logLoss: logLoss(truth, probs, rows, k) };
  return { matrix, metrics };
}
