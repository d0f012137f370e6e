// Issue 7 parity, metrics: on every bundled data set, the evaluation steps' scores of a model's
// test predictions equal scikit-learn's metrics of the same predictions to 1e-9 (relative), from
// committed fixtures (tests/fixtures/sklearn/metrics.json). Accuracy, macro precision/recall/F1
// (zero_division=0), log loss, ROC AUC (one-vs-rest macro for 3+ classes) and average precision
// per class; R², MAE, MSE and RMSE.
import { afterAll, describe, expect, it } from 'vitest';
import { METRIC_CASES, runSteps } from '../fixtures/sklearn/cases';
import { EXACT, fixture, measured, relativeDiff } from './parity-compare';

/** Absolute gap allowed between pipelab's log loss and scikit-learn's, which rescales float32 rows that sum to 1 ± k·6e-8. */
const LOG_LOSS_FLOAT32 = 1e-6;
const EXPECTED = fixture<Record<string, number | number[]>>('metrics.json');
afterAll(() => console.table(measured));

describe('metrics agree with scikit-learn to 1e-9 (relative) on every bundled data set', () => {
  it.each(METRIC_CASES.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const expected = EXPECTED[id];
    expect(expected, `no fixture for "${id}": run npm run fixtures:sklearn`).toBeDefined();
    const states = await runSteps(c.steps);
    const evaluation = states[states.length - 1].evaluation!;
    const ours: Record<string, number | number[]> = { ...evaluation.test };
    if (evaluation.report) ours.averagePrecision = evaluation.report.curves.map((curve) => curve.averagePrecision);
    const row: Record<string, unknown> = { id };
    let worst = 0;
    expect(Object.keys(ours).sort(), 'metrics pipelab reports').toEqual(Object.keys(expected).filter((n) => n !== 'logLossAsStored').sort());
    for (const [name, theirs] of Object.entries(expected)) {
      if (name === 'logLoss') {
        // The stored probabilities are float32, rows summing to 1 within a few ulps; scikit-learn rescales
        // each row to sum 1 before the log, pipelab does not (logLossAsStored is its formula without that).
        expect(Math.abs((ours.logLoss as number) - (theirs as number))).toBeLessThanOrEqual(LOG_LOSS_FLOAT32);
        row.logLossVsSklearn = (ours.logLoss as number) - (theirs as number);
        continue;
      }
      const diff = relativeDiff([ours[name === 'logLossAsStored' ? 'logLoss' : name]].flat(), [theirs].flat());
      row[name] = Array.isArray(theirs) ? `${theirs.length} classes` : theirs;
      worst = Math.max(worst, diff);
    }
    measured.push({ ...row, largestRelativeDiff: worst });
    expect(worst, `${id}: largest relative difference ${worst}`).toBeLessThanOrEqual(EXACT);
  });
});
