// The logistic-regression step with solver lbfgs (scikit-learn's fit, fixture lbfgs.json), and the
// restore rule that keeps documents saved before the solver param existed on Adam, with the same result.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, type FittedModel, type PipelineState } from '../../src/core/state';
import type { LbfgsInfo, LogisticInfo } from '../../src/steps/model/linear/logistic-step';
import { Prng } from '../../src/core/prng';
import { categoricalColumn, numericColumn } from '../../src/core/table';
import { logisticRegression } from '../../src/steps/model/logistic-regression';
import { defaultParams } from '../../src/core/params';
import { stepCatalog } from '../../src/steps/catalog';
import { doc, loadExample, run, spec, tf } from '../helpers';
import { lbfgsInputs } from '../fixtures/sklearn/lbfgs-inputs';

interface ReferenceCase { dataset: string; C: number; n_iter: number; test_accuracy: number }
const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/sklearn/lbfgs.json'), 'utf8')) as { cases: ReferenceCase[] };

/** The fixture's rows (test = index % 4 == 0, standardised on the training rows) as a pipeline state. */
function fixtureState(name: string): PipelineState {
  const data = lbfgsInputs(name);
  const d = data.train.features;
  const n = data.train.rows + data.testLabels.length;
  const cols = Array.from({ length: d }, () => new Float64Array(n));
  const codes = new Int32Array(n);
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < n; i++) {
    const isTest = i % 4 === 0;
    const at = isTest ? test.length : train.length;
    (isTest ? test : train).push(i);
    const x = isTest ? data.testX : data.train.x;
    for (let j = 0; j < d; j++) cols[j][i] = x[at * d + j];
    codes[i] = isTest ? data.testLabels[at] : data.train.labels[at];
  }
  const columns = [...cols.map((v, j) => numericColumn(`f${j}`, v)), categoricalColumn('label', codes, data.classes)];
  return { ...EMPTY_STATE, table: { rowCount: n, columns }, target: 'label', task: 'classification', split: { train: Int32Array.from(train), test: Int32Array.from(test) } };
}

function fitLbfgs(state: PipelineState, C: number, maxIter = 100) {
  const params = { ...defaultParams(logisticRegression.params), solver: 'lbfgs', C, maxIter } as Parameters<typeof logisticRegression.run>[2];
  const ctx = { tf, stepId: 'model', seed: 1, rng: new Prng(1), signal: new AbortController().signal, data: null, epsilon: 1e-7, onEpoch: () => {} };
  return logisticRegression.run(ctx, state, params);
}

const accuracy = (s: PipelineState) => {
  const codes = (s.table!.columns.at(-1) as { codes: Int32Array }).codes;
  const test = s.split!.test;
  return [...test].filter((r) => s.predictions!.labels![r] === codes[r]).length / test.length;
};

describe('logistic regression with solver lbfgs', () => {
  const cases = fixture.cases.filter((c) => c.dataset !== 'digits' && c.C === 1);
  it.each(cases.map((c) => [c.dataset, c] as const))('gives scikit-learn\'s test accuracy and iteration count on %s', async (name, ref) => {
    const before = tf.memory().numTensors;
    const out = await fitLbfgs(fixtureState(name), ref.C);
    expect(tf.memory().numTensors).toBe(before);
    expect(accuracy(out)).toBe(ref.test_accuracy);
    expect(out.model?.info).toMatchObject({ solver: 'lbfgs', iterations: ref.n_iter, converged: true });
    expect(out.history).toHaveLength(ref.n_iter);
    expect(out.history![ref.n_iter - 1].trainLoss).toBeLessThan(out.history![0].trainLoss);
    const probs = out.predictions!.probabilities!;
    const k = out.predictions!.classes!.length;
    for (let i = 0; i < 5; i++) expect([...probs.subarray(i * k, i * k + k)].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  }, 60_000);

  it('is deterministic, and predicts new rows as it predicted them at fit time', async () => {
    const state = fixtureState('breast_cancer');
    const [a, b] = [await fitLbfgs(state, 1), await fitLbfgs(state, 1)];
    expect(b.predictions!.probabilities).toEqual(a.predictions!.probabilities);
    const d = state.table!.columns.length - 1;
    const row = Float64Array.from({ length: d }, (_, j) => (state.table!.columns[j] as { values: Float64Array }).values[3]);
    const p = await logisticRegression.fitted!.predict!(a.model as FittedModel<LogisticInfo>, row, tf);
    expect([...p!]).toEqual([...a.predictions!.probabilities!.subarray(6, 8)]);
  });

  it('does not depend on the seed', async () => {
    const state = fixtureState('iris');
    const params = { ...defaultParams(logisticRegression.params), solver: 'lbfgs' } as Parameters<typeof logisticRegression.run>[2];
    const ctx = (seed: number) => ({ tf, stepId: 'model', seed, rng: new Prng(seed), signal: new AbortController().signal, data: null, epsilon: 1e-7, onEpoch: () => {} });
    const [a, b] = [await logisticRegression.run(ctx(1), state, params), await logisticRegression.run(ctx(99), state, params)];
    expect(b.predictions!.probabilities).toEqual(a.predictions!.probabilities);
  });

  it('says when it stopped at maxIter before converging', async () => {
    const out = await fitLbfgs(fixtureState('wine'), 1, 3);
    expect(out.model?.info).toMatchObject({ iterations: 3, converged: false });
    expect((out.model?.info as LbfgsInfo).note).toContain('Did not converge within maxIter = 3');
    expect(out.history).toHaveLength(3);
  });

  it('exports scikit-learn\'s LogisticRegression with the same knobs', () => {
    const lines = logisticRegression.model!.python({ ...defaultParams(logisticRegression.params), C: 0.5, tol: 0.001, maxIter: 200 } as never, { use: () => {} } as never);
    expect(lines).toEqual(["model = LogisticRegression(C=0.5, tol=0.001, max_iter=200, solver='lbfgs')"]);
  });
});

describe('solver of restored and new logistic-regression steps', () => {
  it('a new step (the palette default) uses lbfgs', () => {
    expect(defaultParams(stepCatalog.describe('model.logistic-regression')!.params).solver).toBe('lbfgs');
  });

  it('a document saved without a solver restores as adam, with the same result as naming adam', async () => {
    const steps = (params: Record<string, unknown>) => [
      { id: 'data', kind: 'data.builtin', params: { name: 'iris' } },
      { id: 'split', kind: 'split.train-test', params: {} },
      { id: 'model', kind: 'model.logistic-regression', params: { epochs: 5, ...params } },
    ];
    const old = spec(doc(steps({})));
    expect(old.steps[2].params.solver).toBe('adam');
    const [a, b] = [await run(old), await run(spec(doc(steps({ solver: 'adam' })))) ];
    expect(a.record.resultHash).toBe(b.record.resultHash);
    expect(a.record.configHash).toBe(b.record.configHash);
    const lbfgs = await run(spec(doc(steps({ solver: 'lbfgs' }))));
    expect(lbfgs.record.resultHash).not.toBe(a.record.resultHash);
  });

  it('the examples keep adam', () => {
    const logreg = loadExample('iris-logreg').steps.find((s) => s.kind === 'model.logistic-regression');
    expect(logreg?.params.solver).toBe('adam');
  });
});
