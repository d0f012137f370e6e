// ROC/PR curves on hand-worked cases; agreement with scikit-learn on every bundled data set is in parity-metrics.test.ts.
import { describe, expect, it } from 'vitest';
import { binaryCurves } from '../../src/steps/evaluate/curves';

describe('ROC and precision-recall curves', () => {
  it('match a hand-worked case, with tied scores as one threshold', () => {
    // scores 0.9(+) 0.8(−) 0.8(+) 0.3(−): thresholds 0.9, 0.8, 0.3.
    // ROC points (0,0) (0,.5) (.5,1) (1,1): AUC = .5·(.5+1)/2 + .5·1 = .875 (ties counted half, as the trapezoid does).
    const c = binaryCurves([0.9, 0.8, 0.8, 0.3], [true, false, true, false]);
    expect(c.roc.x).toEqual([0, 0, 0.5, 1]);
    expect(c.roc.y).toEqual([0, 0.5, 1, 1]);
    expect(c.auc).toBeCloseTo(0.875, 12);
    // AP = .5·1 (first positive at precision 1) + .5·(2/3) = 0.8333…
    expect(c.averagePrecision).toBeCloseTo(0.5 + 0.5 * (2 / 3), 12);
  });

  it('give NaN when a class is absent', () => {
    expect(binaryCurves([0.1, 0.2], [false, false]).auc).toBeNaN();
  });
});
