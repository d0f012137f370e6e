// Metric functions on small cases worked out by hand (scikit-learn's conventions).
import { describe, expect, it } from 'vitest';
import { classificationScores, confusionMatrix, logLoss } from '../../src/steps/evaluate/classification-metrics';
import { regressionScores } from '../../src/steps/evaluate/regression-metrics';

describe('confusionMatrix', () => {
  it('counts true classes by row and predicted classes by column', () => {
    const truth = [0, 0, 0, 0, 1, 1, 2, 2];
    const predicted = [0, 0, 1, 2, 1, 0, 2, 2];
    expect(confusionMatrix(truth, predicted, 3)).toEqual([
      [2, 1, 1], // true 0: two right, one called 1, one called 2
      [1, 1, 0], // true 1: one called 0, one right
      [0, 0, 2], // true 2: both right
    ]);
  });

  it('has a row and a column for every class, even ones that never occur', () => {
    expect(confusionMatrix([0, 1], [1, 1], 3)).toEqual([
      [0, 1, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
  });
});

describe('classificationScores', () => {
  it('computes accuracy and macro precision, recall and F1 of a 3-class matrix', () => {
    // Same data as above. Column sums (times predicted): 3, 2, 3. Row sums (actual): 4, 2, 2.
    //   class 0: tp 2 → P = 2/3, R = 2/4 = 1/2, F1 = 2·(2/3)(1/2)/(2/3 + 1/2) = 4/7
    //   class 1: tp 1 → P = 1/2, R = 1/2,       F1 = 1/2
    //   class 2: tp 2 → P = 2/3, R = 2/2 = 1,   F1 = 2·(2/3)(1)/(2/3 + 1) = 4/5
    // accuracy = 5/8; macro P = (2/3 + 1/2 + 2/3)/3 = 11/18; macro R = (1/2 + 1/2 + 1)/3 = 2/3;
    // macro F1 = (4/7 + 1/2 + 4/5)/3 = (40 + 35 + 56)/210 = 131/210 (not the F1 of macro P and R).
    const s = classificationScores([
      [2, 1, 1],
      [1, 1, 0],
      [0, 0, 2],
    ]);
    expect(s.accuracy).toBeCloseTo(5 / 8, 12);
    expect(s.precision).toBeCloseTo(11 / 18, 12);
    expect(s.recall).toBeCloseTo(2 / 3, 12);
    expect(s.f1).toBeCloseTo(131 / 210, 12);
  });

  it('counts precision 0 for a class that is in the truth but never predicted (zero_division=0)', () => {
    // truth [0,0,1,1,2,2], predicted [0,0,1,1,1,1]: class 2 is never predicted.
    //   class 0: P = 2/2 = 1,  R = 2/2 = 1,  F1 = 1
    //   class 1: P = 2/4 = 1/2, R = 2/2 = 1, F1 = 2·(1/2)/(3/2) = 2/3
    //   class 2: P = 0/0 → 0,   R = 0/2 = 0, F1 = 0
    // accuracy = 4/6; macro P = 1.5/3 = 1/2; macro R = 2/3; macro F1 = (1 + 2/3)/3 = 5/9.
    const m = confusionMatrix([0, 0, 1, 1, 2, 2], [0, 0, 1, 1, 1, 1], 3);
    const s = classificationScores(m);
    expect(s.accuracy).toBeCloseTo(2 / 3, 12);
    expect(s.precision).toBeCloseTo(1 / 2, 12);
    expect(s.recall).toBeCloseTo(2 / 3, 12);
    expect(s.f1).toBeCloseTo(5 / 9, 12);
  });

  it('counts recall 0 for a class that is predicted but absent from the truth', () => {
    // truth [0,0], predicted [0,1]:
    //   class 0: P = 1/1 = 1, R = 1/2, F1 = 2·(1/2)/(3/2) = 2/3
    //   class 1: P = 0/1 = 0, R = 0/0 → 0, F1 = 0
    // macro P = 1/2, macro R = 1/4, macro F1 = 1/3.
    const s = classificationScores(confusionMatrix([0, 0], [0, 1], 2));
    expect(s.accuracy).toBeCloseTo(1 / 2, 12);
    expect(s.precision).toBeCloseTo(1 / 2, 12);
    expect(s.recall).toBeCloseTo(1 / 4, 12);
    expect(s.f1).toBeCloseTo(1 / 3, 12);
  });

  it('leaves out of the average a class that is neither in the truth nor predicted', () => {
    // The case above with a 4th class no row has and no prediction names: the same scores,
    // not scores divided by 4 (scikit-learn averages over the labels that occur).
    const three = classificationScores(confusionMatrix([0, 0, 1, 1, 2, 2], [0, 0, 1, 1, 1, 1], 3));
    const four = classificationScores(confusionMatrix([0, 0, 1, 1, 2, 2], [0, 0, 1, 1, 1, 1], 4));
    expect(four).toEqual(three);
  });

  it('scores a perfect classifier 1 everywhere', () => {
    const s = classificationScores(confusionMatrix([0, 1, 2, 1], [0, 1, 2, 1], 3));
    expect(s).toEqual({ accuracy: 1, precision: 1, recall: 1, f1: 1 });
  });
});

describe('logLoss', () => {
  // Probabilities are row-major over the whole table (k per row); `rows` picks the rows
  // to score and truth[i] is the true class of rows[i].
  it('averages −ln p(true class) over the chosen rows only', () => {
    const k = 3;
    const probabilities = Float32Array.from([
      0.5, 0.25, 0.25, // row 0, true 0: −ln 0.5
      0.01, 0.01, 0.98, // row 1, not scored (true 0 would cost −ln 0.01 ≈ 4.6)
      0.25, 0.5, 0.25, // row 2, true 1: −ln 0.5
      0.125, 0.125, 0.75, // row 3, true 0: −ln 0.125 = 3 ln 2
    ]);
    // (ln 2 + ln 2 + 3 ln 2) / 3 = 5 ln 2 / 3
    expect(logLoss([0, 1, 0], probabilities, [0, 2, 3], k)).toBeCloseTo((5 * Math.LN2) / 3, 10);
  });

  it('clips a probability of exactly 0 to 1e-15 instead of returning Infinity', () => {
    // Row 0 gives its true class probability 0: −ln(1e-15) = 15 ln 10 ≈ 34.5388.
    // Row 1 gives 0.5: ln 2. Mean = (15 ln 10 + ln 2) / 2.
    const probabilities = Float64Array.from([0, 1, 0.5, 0.5]);
    const loss = logLoss([0, 0], probabilities, [0, 1], 2);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeCloseTo((15 * Math.LN10 + Math.LN2) / 2, 9);
  });

  it('is (close to) 0 for certain, correct predictions', () => {
    const loss = logLoss([1, 0], Float64Array.from([0, 1, 1, 0]), [0, 1], 2);
    expect(loss).toBeGreaterThanOrEqual(0);
    expect(loss).toBeLessThan(1e-12);
  });
});

describe('regressionScores', () => {
  // Truth 1, 2, 3, 4 sits in rows 0, 2, 3, 5; rows 1 and 4 hold values that must be ignored.
  const truth = Float64Array.from([1, 1000, 2, 3, -1000, 4]);
  const rows = Int32Array.from([0, 2, 3, 5]);
  const withPredictions = (p: number[]) => Float64Array.from([p[0], 0, p[1], p[2], 0, p[3]]);

  it('computes MSE, RMSE, MAE and R² on four points', () => {
    // predictions 1.5, 2, 3, 5 → errors −0.5, 0, 0, −1
    // SSE = 0.25 + 1 = 1.25 → MSE = 1.25/4 = 0.3125, RMSE = √0.3125 ≈ 0.5590
    // MAE = (0.5 + 1)/4 = 0.375
    // mean of truth = 2.5, SST = 2.25 + 0.25 + 0.25 + 2.25 = 5 → R² = 1 − 1.25/5 = 0.75
    const s = regressionScores(truth, withPredictions([1.5, 2, 3, 5]), rows);
    expect(s.mse).toBeCloseTo(0.3125, 12);
    expect(s.rmse).toBeCloseTo(Math.sqrt(0.3125), 12);
    expect(s.mae).toBeCloseTo(0.375, 12);
    expect(s.r2).toBeCloseTo(0.75, 12);
  });

  it('gives R² = 1 and zero errors for a perfect prediction', () => {
    expect(regressionScores(truth, withPredictions([1, 2, 3, 4]), rows)).toEqual({ mse: 0, rmse: 0, mae: 0, r2: 1 });
  });

  it('gives R² = 0 when predicting the mean of the truth', () => {
    // SSE = SST → R² = 0; MSE = SST/4 = 1.25, MAE = (1.5 + 0.5 + 0.5 + 1.5)/4 = 1
    const s = regressionScores(truth, withPredictions([2.5, 2.5, 2.5, 2.5]), rows);
    expect(s.r2).toBeCloseTo(0, 12);
    expect(s.mse).toBeCloseTo(1.25, 12);
    expect(s.mae).toBeCloseTo(1, 12);
  });

  it('gives a negative R² for predictions worse than the mean', () => {
    // predictions 4, 3, 2, 1 → SSE = 9 + 1 + 1 + 9 = 20 → R² = 1 − 20/5 = −3
    expect(regressionScores(truth, withPredictions([4, 3, 2, 1]), rows).r2).toBeCloseTo(-3, 12);
  });
});
