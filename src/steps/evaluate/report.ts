import { describeStep } from '../../core/step-description';
import { StepInputError } from '../../core/errors';
import type { CategoricalColumn } from '../../core/table';
import { defineStep } from '../step';
import { requireSplit, requireTable, targetColumn } from '../require-input';
import { classificationScores, confusionMatrix } from './classification-metrics';
import { oneVsRest } from './curves';

/** What the palette, forms and restore know of `classificationReport`: plain data, no code. */
export const classificationReportDescription = describeStep({
  kind: 'evaluate.classification-report',
  version: 1,
  category: 'evaluate',
  label: 'ROC, precision-recall and per-class report',
  keywords: ['ROC curve', 'AUC', 'precision', 'recall', 'classification_report', 'PR curve'],
  help: 'Shows how well each class is told apart at every threshold: ROC curves with their area (AUC, 1 is perfect, 0.5 is guessing), precision-recall curves, and precision, recall and F1 per class.',
  usesRandomness: false,
  needs: ['classification'],
  params: {},
  metrics: [{ name: 'auc', label: 'ROC AUC', unit: 'number', better: 'higher', order: 30 }],
});

/**
 * A classifier's full report on the test rows: per-class precision, recall, F1
 * and support, ROC curves with AUC and precision-recall curves with average
 * precision (one class against the rest; for two classes, the second class is
 * the positive one). Adds `auc` (macro over classes) to the test metrics.
 */
export const classificationReport = defineStep(classificationReportDescription, {
  async run(_ctx, input) {
    const label = 'The classification report';
    const data = requireTable(input, label);
    const split = requireSplit(input, label);
    const p = input.predictions;
    if (!p || p.task !== 'classification' || !p.probabilities || !p.labels || !p.classes) {
      throw new StepInputError(`${label} needs a classifier's predictions: put a classification model before it.`);
    }
    const target = targetColumn(data) as CategoricalColumn;
    const truth = Int32Array.from(split.test, (r) => target.codes[r]);
    const curves = oneVsRest(p.probabilities, truth, split.test, p.classes);
    const used = p.classes.length === 2 ? [curves[1]] : curves.filter((c) => !Number.isNaN(c.auc));
    const auc = used.reduce((s, c) => s + c.auc, 0) / Math.max(1, used.length);
    const matrix = confusionMatrix(truth, Int32Array.from(split.test, (r) => p.labels![r]), p.classes.length);
    const perClass = p.classes.map((cls, c) => ({ cls, support: matrix[c].reduce((a, b) => a + b, 0), ...oneClass(matrix, c) }));
    const base = input.evaluation ?? { task: 'classification' as const, test: classificationScores(matrix), train: {} };
    return { ...input, evaluation: { ...base, test: { ...base.test, auc }, report: { curves: p.classes.length === 2 ? [curves[1]] : curves, perClass } } };
  },
});

function oneClass(m: readonly (readonly number[])[], c: number): { precision: number; recall: number; f1: number } {
  const tp = m[c][c];
  const actual = m[c].reduce((a, b) => a + b, 0);
  const predicted = m.reduce((a, row) => a + row[c], 0);
  const precision = predicted ? tp / predicted : 0;
  const recall = actual ? tp / actual : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
