// Issue 7 parity, closed-form and tree models, on every bundled data set where each applies,
// against committed scikit-learn fixtures (tests/fixtures/sklearn/models.json):
// kNN and Gaussian naive Bayes give the same test labels and, in float64, the same probabilities
// (values for regression) to 1e-9; linear and ridge regression the same coefficients, intercept and
// predictions to 1e-9; trees and forests a test accuracy (R²) within 2 points of scikit-learn's.
import { afterAll, describe, expect, it } from 'vitest';
import type { PipelineState } from '../../src/core/state';
import { replayProbabilities, replayValues } from '../../src/engine/predict';
import { EXACT_MODELS, MODEL_CASES, modelSteps, runSteps, type ModelCase } from '../fixtures/sklearn/cases';
import { featureRows, score, targetValue, testPredictions } from '../fixtures/sklearn/inputs';
import { EXACT, SCORE_GAP, columnsOf, digestDiff, fixture, measured, relativeDiff, type Digest } from './parity-compare';

interface Expected {
  readonly predicted?: number[];
  readonly probabilities?: Digest;
  readonly coef?: number[];
  readonly intercept?: number;
  readonly score: number;
  readonly scores?: number[];
  readonly nodes?: number[][];
}

const EXPECTED = fixture<Expected>('models.json');
afterAll(() => console.table(measured));

/** Runs a case's pipeline; returns the model's input (features, split) and output states. */
async function fit(c: ModelCase): Promise<{ input: PipelineState; model: PipelineState; truth: number[]; expected: Expected }> {
  const expected = EXPECTED[c.id];
  expect(expected, `no fixture for "${c.id}": run npm run fixtures:sklearn`).toBeDefined();
  const states = await runSteps(modelSteps(c));
  const [input, model] = states.slice(-2);
  return { input, model, truth: Array.from(input.split!.test, (r) => targetValue(input, r)), expected };
}

const agreeing = (ours: number[], theirs: number[]) => `${ours.filter((v, i) => v === theirs[i]).length}/${ours.length}`;

describe('kNN, naive Bayes and least squares agree with scikit-learn to 1e-9 (relative)', () => {
  const cases = MODEL_CASES.filter((c) => EXACT_MODELS.has(c.model));
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const { input, model, truth, expected } = await fit(c);
    const ours = testPredictions(model.predictions ? model : input);
    const x = featureRows(input, input.split!.test).flat();
    let worst: number;
    if (c.data.regression) {
      worst = relativeDiff(c.model === 'linear' ? ours : replayValues(model.model!, x)!, expected.predicted!);
      if (c.model === 'linear') {
        const w = Object.fromEntries(model.model!.weights.map((a) => [a.name, a.values]));
        worst = Math.max(worst, relativeDiff(w.coef, expected.coef!), relativeDiff(w.intercept, [expected.intercept!]));
      }
    } else {
      expect(ours, 'test labels').toEqual(expected.predicted);
      const k = model.predictions!.classes!.length;
      worst = digestDiff(columnsOf(replayProbabilities(model.model!, x)!, k), expected.probabilities!);
    }
    const pipelab = score(truth, ours, c.data.regression);
    measured.push({ id, agree: c.data.regression ? '' : agreeing(ours, expected.predicted!), pipelab, sklearn: expected.score, largestRelativeDiff: worst });
    expect(worst, `${id}: largest relative difference ${worst}`).toBeLessThanOrEqual(EXACT);
    expect(Math.abs(pipelab - expected.score)).toBeLessThanOrEqual(EXACT);
  });
});

/**
 * Every node of a tree as "depth|rows|class counts" (or "depth|rows|mean" for regression), sorted:
 * two trees that cut the training rows into the same groups at every depth give the same list,
 * whichever of two equally good features each of them chose.
 */
function nodeSignature(nodes: number[][], regression: boolean): string[] {
  return nodes.map((n) => (regression ? [n[0], n[1], n[2].toFixed(9)] : n).join('|')).sort();
}

function ourNodes(model: PipelineState, regression: boolean): number[][] {
  const w = Object.fromEntries(model.model!.weights.map((a) => [a.name, a.values]));
  const width = w.value.length / w.feature.length;
  const out: number[][] = [];
  const walk = (node: number, depth: number) => {
    const n = w.samples[node];
    const value = Array.from(w.value.subarray(node * width, (node + 1) * width));
    out.push([depth, n, ...(regression ? value : value.map((v) => Math.round(v * n)))]);
    if (w.left[node] >= 0) {
      walk(w.left[node], depth + 1);
      walk(w.right[node], depth + 1);
    }
  };
  walk(0, 0);
  return out;
}

/**
 * Forests: test accuracy (R²) within 2 points of scikit-learn's mean over random_state 0–19.
 * Single trees: where scikit-learn's tree (random_state 0) cuts the training rows into the same groups
 * at every depth, the trees differ only in which of two equally good splits they took (pipelab the first
 * feature, scikit-learn a random one; its own random_state moves the test score by up to 13 points on
 * diabetes). Those must score within 2 points of one of scikit-learn's 20 trees; the others (digits,
 * where ties change the groups) within 2 points of the mean.
 */
describe('trees and forests score within 2 points of scikit-learn', () => {
  const cases = MODEL_CASES.filter((c) => c.model.startsWith('tree') || c.model.startsWith('forest'));
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const { model, truth, expected } = await fit(c);
    const pipelab = score(truth, testPredictions(model), c.data.regression);
    const sameNodes = !!expected.nodes &&
      JSON.stringify(nodeSignature(ourNodes(model, c.data.regression), c.data.regression)) === JSON.stringify(nodeSignature(expected.nodes, c.data.regression));
    const nearest = Math.min(...expected.scores!.map((s) => Math.abs(pipelab - s)));
    const gap = Math.abs(pipelab - expected.score);
    const range = `${Math.min(...expected.scores!)}–${Math.max(...expected.scores!)}`;
    measured.push({ id, pipelab, sklearnMean: expected.score, sklearnRange: range, gap: pipelab - expected.score, sameNodes: expected.nodes ? sameNodes : '' });
    const allowed = sameNodes ? nearest : gap;
    expect(allowed, `${id}: pipelab ${pipelab}, scikit-learn ${expected.score} (${range})`).toBeLessThanOrEqual(SCORE_GAP);
  });
});
