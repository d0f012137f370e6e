// The loss chart's losses, computed without a separate pass over the training rows, must be the
// very bits the separate pass gave (the history is part of the model step's output hash).
import { describe, expect, it } from 'vitest';
import { fitLogisticLbfgs } from '../../src/steps/model/linear/fit-logistic';
import { logisticObjective, parameterCount } from '../../src/steps/model/linear/logistic-objective';
import { logisticProbabilities, meanLogLoss, meanLogLossAt, meanTrueClassLogLoss } from '../../src/steps/model/linear/logistic-probabilities';
import { lbfgsInputs } from '../fixtures/sklearn/lbfgs-inputs';

describe.each(['iris', 'breast_cancer', 'wine'])('fused losses on %s', (name) => {
  const { train, testX, testLabels, classes } = lbfgsInputs(name);
  const k = classes.length;

  it("the objective's true-class probabilities are logisticProbabilities' at every iterate", () => {
    let checked = 0;
    fitLogisticLbfgs({ ...train, C: 1 }, {
      onIteration: (_, w, trueProbability) => {
        const p = logisticProbabilities(w, train.x, train.features, k);
        for (let i = 0; i < train.rows; i++) expect(trueProbability[i]).toBe(p[i * k + train.labels[i]]);
        expect(meanTrueClassLogLoss(trueProbability)).toBe(meanLogLoss(p, train.labels, k));
        checked++;
      },
    });
    expect(checked).toBeGreaterThan(3);
  });

  it('meanLogLossAt equals meanLogLoss of the probabilities, away from the optimum too', () => {
    const w = new Float64Array(parameterCount({ ...train, C: 1 })).map((_, i) => Math.sin(i + 1) * 3);
    const scratch = new Float64Array(2 * k);
    expect(meanLogLossAt(w, testX, testLabels, train.features, k, scratch)).toBe(meanLogLoss(logisticProbabilities(w, testX, train.features, k), testLabels, k));
  });

  it('refuses a probability buffer of the wrong size', () => {
    expect(() => logisticObjective({ ...train, C: 1 }, new Float64Array(train.rows - 1))).toThrow(/room for/);
  });
});
