// Issue 7 parity, models trained by gradient descent, on every bundled data set where each
// applies: test accuracy (R² for regression) within 2 points of scikit-learn's comparable model,
// from committed fixtures (tests/fixtures/sklearn/models.json). Logistic regression is compared
// with LogisticRegression (lbfgs, to convergence) at the C that matches pipelab's L2 penalty; the
// MLPs with MLPClassifier/MLPRegressor of the same layers, activation, Adam settings, batch size,
// epochs and penalty (their mean test score over random_state 0–19).
import { afterAll, describe, expect, it } from 'vitest';
import { MODEL_CASES, modelSteps, runSteps } from '../fixtures/sklearn/cases';
import { score, targetValue, testPredictions } from '../fixtures/sklearn/inputs';
import { SCORE_GAP, fixture, measured } from './parity-compare';

const EXPECTED = fixture<{ score: number; scores: number[] }>('models.json');
afterAll(() => console.table(measured));

describe('logistic regression and the MLPs score within 2 points of scikit-learn', () => {
  const cases = MODEL_CASES.filter((c) => c.model === 'logistic' || c.model.startsWith('mlp'));
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const expected = EXPECTED[id];
    expect(expected, `no fixture for "${id}": run npm run fixtures:sklearn`).toBeDefined();
    const states = await runSteps(modelSteps(c));
    const model = states[states.length - 1];
    const truth = Array.from(model.split!.test, (r) => targetValue(model, r));
    const pipelab = score(truth, testPredictions(model), c.data.regression);
    const range = `${Math.min(...expected.scores)}–${Math.max(...expected.scores)}`;
    measured.push({ id, pipelab, sklearn: expected.score, sklearnRange: range, gap: pipelab - expected.score });
    expect(Math.abs(pipelab - expected.score), `${id}: pipelab ${pipelab}, scikit-learn ${expected.score} (${range})`).toBeLessThanOrEqual(SCORE_GAP);
  });
});
