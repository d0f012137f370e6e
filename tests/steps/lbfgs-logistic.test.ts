// The L-BFGS logistic-regression core (src/steps/model/linear/) against scikit-learn 1.2.1's
// LogisticRegression(solver='lbfgs'): the committed fixture lbfgs.json (made by
// tests/fixtures/sklearn/lbfgs_reference.py) holds scikit-learn's coefficients, n_iter_ and test
// accuracy; this test rebuilds the same inputs from the bundled CSVs and fits them itself.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitLogisticLbfgs } from '../../src/steps/model/linear/fit-logistic';
import { predictClasses } from '../../src/steps/model/linear/logistic-objective';
import { lbfgsInputs, type LbfgsInputs } from '../fixtures/sklearn/lbfgs-inputs';

interface ReferenceCase {
  dataset: string;
  C: number;
  classes: string[];
  n_iter: number;
  coef: number[][];
  intercept: number[];
  test_accuracy: number;
}

interface PartialCase {
  dataset: string;
  C: number;
  max_iter: number;
  params: number[];
}

const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/sklearn/lbfgs.json'), 'utf8')) as { cases: ReferenceCase[]; partial: PartialCase[] };
const inputs = new Map<string, LbfgsInputs>();
const inputsOf = (name: string) => inputs.get(name) ?? inputs.set(name, lbfgsInputs(name)).get(name)!;

/** max |a − b| over every coefficient and intercept, divided by max |b| (scikit-learn's). */
function relativeDiff(mine: number[], ref: number[]): number {
  let diff = 0;
  let scale = 0;
  ref.forEach((r, i) => {
    diff = Math.max(diff, Math.abs(mine[i] - r));
    scale = Math.max(scale, Math.abs(r));
  });
  return diff / scale;
}

describe('L-BFGS logistic regression matches scikit-learn', () => {
  it('covers the four data sets and three values of C', () => {
    expect(fixture.cases.map((c) => `${c.dataset}:${c.C}`)).toEqual(
      ['iris', 'wine', 'breast_cancer', 'digits'].flatMap((d) => [0.1, 1, 10].map((C) => `${d}:${C}`)),
    );
  });

  it.each(fixture.cases.map((c) => [`${c.dataset}, C = ${c.C}`, c] as const))('%s', (_, ref) => {
    const data = inputsOf(ref.dataset);
    expect(data.classes).toEqual(ref.classes);
    const fit = fitLogisticLbfgs({ ...data.train, C: ref.C });
    expect(fit.iterations).toBe(ref.n_iter);
    expect(relativeDiff([...fit.coef, ...fit.intercept], [...ref.coef.flat(), ...ref.intercept])).toBeLessThan(1e-4);
    const predicted = predictClasses(fit.params, data.testX, data.train.features, data.train.classes);
    const correct = predicted.filter((p, i) => p === data.testLabels[i]).length;
    expect(correct / predicted.length).toBe(ref.test_accuracy);
  }, 120_000);
});

describe('L-BFGS follows the path of scikit-learn, not only its end point', () => {
  // Stopped early by max_iter, both sit at the same iterate: the same directions, line searches and steps.
  it.each(fixture.partial.map((c) => [`${c.dataset}, C = ${c.C}, after ${c.max_iter} iterations`, c] as const))('%s', (_, ref) => {
    const fit = fitLogisticLbfgs({ ...inputsOf(ref.dataset).train, C: ref.C }, { maxIter: ref.max_iter });
    expect(fit.iterations).toBe(ref.max_iter);
    expect(relativeDiff([...fit.coef, ...fit.intercept], ref.params)).toBeLessThan(1e-6);
  }, 60_000);
});

describe('fitLogisticLbfgs', () => {
  it.each(['wine', 'breast_cancer'])('gives bit-identical coefficients on a second run (%s)', (name) => {
    const problem = { ...inputsOf(name).train, C: 10 };
    const a = fitLogisticLbfgs(problem);
    const b = fitLogisticLbfgs(problem);
    expect(b.iterations).toBe(a.iterations);
    expect(Buffer.from(b.params.buffer).equals(Buffer.from(a.params.buffer))).toBe(true);
  });

  it('stops at max_iter and says it did not converge', () => {
    const fit = fitLogisticLbfgs({ ...inputsOf('wine').train, C: 10 }, { maxIter: 5 });
    expect(fit.iterations).toBe(5);
    expect(fit.stop).toBe('max-iterations');
    expect(fit.converged).toBe(false);
  });

  it('explains bad input', () => {
    const train = inputsOf('iris').train;
    expect(() => fitLogisticLbfgs({ ...train, C: 0 })).toThrow(/C must be a positive number/);
    expect(() => fitLogisticLbfgs({ ...train, C: 1 }, { tol: -1 })).toThrow(/tol must be a positive number/);
    expect(() => fitLogisticLbfgs({ ...train, C: 1, classes: 1 })).toThrow(/at least two classes/);
    expect(() => fitLogisticLbfgs({ ...train, C: 1, rows: train.rows + 1 })).toThrow(/expected 113×4 values/);
  });
});
