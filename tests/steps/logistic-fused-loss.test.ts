// The loss chart's losses, computed without a separate pass over the training rows, and exp/log
// evaluated two at a time, must be the very bits the plain forms gave (they are hashed).
import { describe, expect, it } from 'vitest';
import { fitLogisticLbfgs } from '../../src/steps/model/linear/fit-logistic';
import { logisticObjective, parameterCount } from '../../src/steps/model/linear/logistic-objective';
import { logisticProbabilities, meanLogLoss, meanLogLossAt, meanTrueClassLogLoss } from '../../src/steps/model/linear/logistic-probabilities';
import { polyExp, polyExpPair, polyLog, polyLogPair } from '../../src/steps/model/linear/poly-math';
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

describe('exp and log two at a time', () => {
  it('give the bits of polyExp and polyLog one at a time, special values included', () => {
    const bits = new Float64Array(1);
    const words = new Uint32Array(bits.buffer);
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const values: number[] = [0, -0, 1, 2, 0.5, Math.SQRT2, 1e-15, 5e-324, 1e-310, 709.78, 709.79, -745.1, -745.3, 1e308, Infinity, -Infinity, NaN, -1];
    for (let i = 0; i < 20000; i++) {
      words[0] = next();
      words[1] = next();
      values.push(bits[0], (next() / 2 ** 32) * 1400 - 745); // any double, and exponents in exp's range
    }
    const out = new Float64Array(2);
    for (let i = 0; i + 1 < values.length; i++) {
      const [a, b] = [values[i], values[i + 1]];
      polyExpPair(a, b, out);
      expect([out[0], out[1]], `exp(${a}), exp(${b})`).toEqual([polyExp(a), polyExp(b)]);
      polyLogPair(a, b, out);
      expect([out[0], out[1]], `log(${a}), log(${b})`).toEqual([polyLog(a), polyLog(b)]);
    }
  });
});

describe('the two-class objective, rows four and two at a time', () => {
  /** One row at a time, as the objective is written down (sklearn's binomial loss, then the penalty). */
  function reference(x: Float64Array, labels: Int32Array, d: number, C: number, w: Float64Array, grad: Float64Array): number {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < labels.length; i++) {
      let z = w[d];
      for (let j = 0; j < d; j++) z += x[i * d + j] * w[j];
      const y = labels[i] === 1 ? 1 : 0;
      const e = polyExp(-Math.abs(z));
      const u = 1 + e;
      loss += (z > 0 ? z : 0) + (u === 1 ? e : (polyLog(u) * e) / (u - 1)) - y * z;
      const g = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - y;
      for (let j = 0; j < d; j++) grad[j] += g * x[i * d + j];
      grad[d] += g;
    }
    let sq = 0;
    for (let j = 0; j < d; j++) {
      sq += w[j] * w[j];
      grad[j] += (1 / C) * w[j];
    }
    return loss + 0.5 * (1 / C) * sq;
  }

  it('gives the bits of one row at a time for every remainder of rows', () => {
    const { train } = lbfgsInputs('breast_cancer');
    const d = train.features;
    const w = new Float64Array(d + 1).map((_, i) => Math.cos(i) / 4);
    for (let rows = 1; rows <= 11; rows++) {
      const x = train.x.subarray(0, rows * d);
      const labels = train.labels.subarray(0, rows);
      const [got, want] = [new Float64Array(d + 1), new Float64Array(d + 1)];
      const f = logisticObjective({ x, rows, features: d, labels, classes: 2, C: 0.7 })(w, got);
      expect(f, `${rows} rows`).toBe(reference(x, labels, d, 0.7, w, want));
      expect(got).toEqual(want);
    }
  });
});
