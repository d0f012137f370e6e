// Issue 7 parity: every transform on every bundled data set where it applies agrees with its
// scikit-learn transformer to 1e-9 (relative), checked against committed fixtures
// (tests/fixtures/sklearn/transforms.json, made by generate.ts), so no Python is needed here.
import { afterAll, describe, expect, it } from 'vitest';
import type { PipelineState } from '../../src/core/state';
import { getColumn, type CategoricalColumn, type NumericColumn } from '../../src/core/table';
import type { PcaFit } from '../../src/steps/transform/pca';
import type { FeatureScore } from '../../src/steps/transform/select-k-best';
import { TRANSFORM_CASES, runSteps } from '../fixtures/sklearn/cases';
import { columnValues } from '../fixtures/sklearn/inputs';
import { EXACT, digestDiff, fixture, measured, relativeDiff, type Digest } from './parity-compare';

interface Expected {
  readonly numeric?: Digest & { names: string[] };
  readonly labels?: Record<string, { counts: Record<string, number>; filled: Record<string, string> }>;
  readonly pca?: { components: number[][]; explainedVariance: number[]; explainedVarianceRatio: number[] };
  readonly scores?: Record<string, number>;
}

const EXPECTED = fixture<Expected>('transforms.json');
/** Ops whose output columns scikit-learn names and orders: pipelab's must be the same, in the same order. */
const NEW_COLUMNS = new Set(['poly', 'one-hot', 'pca']);

afterAll(() => console.table(measured));

function numericDiff(output: PipelineState, before: PipelineState, op: string, expected: NonNullable<Expected['numeric']>, signs: number[]): number {
  if (NEW_COLUMNS.has(op)) {
    // One-hot replaces only the text columns; polynomial features and PCA name every output column.
    const kept = new Set(op === 'one-hot' ? before.table!.columns.map((c) => c.name) : []);
    const features = output.table!.columns.filter((c) => c.name !== output.target && c.type === 'numeric' && !kept.has(c.name));
    expect(features.map((c) => c.name)).toEqual(expected.names);
  }
  const columns = expected.names.map((name, j) => (getColumn(output.table!, name) as NumericColumn).values.map((v) => v * (signs[j] ?? 1)));
  return digestDiff(columns, expected);
}

function checkLabels(output: PipelineState, before: PipelineState, expected: NonNullable<Expected['labels']>): void {
  for (const [name, { counts, filled }] of Object.entries(expected)) {
    const labels = columnValues(getColumn(output.table!, name) as CategoricalColumn);
    const ours: Record<string, number> = {};
    for (const l of labels) ours[String(l)] = (ours[String(l)] ?? 0) + 1;
    expect(ours, `${name}: how often each label occurs`).toEqual(counts);
    const gaps = columnValues(getColumn(before.table!, name)).flatMap((v, i) => (v === null ? [i] : []));
    expect(Object.fromEntries(gaps.map((i) => [String(i), labels[i]])), `${name}: the label given to each gap`).toEqual(filled);
  }
}

/**
 * PCA agrees up to the sign of each component: where pipelab's sign rule (largest loading positive) meets
 * two loadings of equal size (penguins' Sex=FEMALE and Sex=MALE columns are exact opposites), rounding
 * picks the sign. Returns the sign that turns each of pipelab's components towards scikit-learn's.
 */
function pcaSigns(fit: PcaFit, expected: NonNullable<Expected['pca']>): number[] {
  return fit.components.map((row, i) => (row.reduce((s, v, j) => s + v * expected.components[i][j], 0) < 0 ? -1 : 1));
}

function pcaDiff(fit: PcaFit, expected: NonNullable<Expected['pca']>, signs: number[]): number {
  const components = fit.components.map((row, i) => relativeDiff(row.map((v) => v * signs[i]), expected.components[i]));
  return Math.max(...components, relativeDiff(fit.explainedVariance, expected.explainedVariance), relativeDiff(fit.explainedVarianceRatio, expected.explainedVarianceRatio));
}

function scoresDiff(kept: readonly FeatureScore[], expected: Record<string, number>): number {
  const names = Object.keys(expected);
  expect(kept.map((s) => s.column).sort()).toEqual([...names].sort());
  const ours = new Map(kept.map((s) => [s.column, s.score]));
  return relativeDiff(names.map((n) => ours.get(n)!), names.map((n) => expected[n]));
}

describe('transforms agree with scikit-learn to 1e-9 (relative) on every bundled data set', () => {
  it.each(TRANSFORM_CASES.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const expected = EXPECTED[id];
    expect(expected, `no fixture for "${id}": run npm run fixtures:sklearn`).toBeDefined();
    const states = await runSteps([...c.before, c.step]);
    const [before, output] = states.slice(-2);
    let worst = 0;
    const signs = expected.pca ? pcaSigns(output.fitted.x as PcaFit, expected.pca) : [];
    if (expected.numeric) worst = Math.max(worst, numericDiff(output, before, c.op, expected.numeric, signs));
    if (expected.labels) checkLabels(output, before, expected.labels);
    if (expected.pca) worst = Math.max(worst, pcaDiff(output.fitted.x as PcaFit, expected.pca, signs));
    if (expected.scores) worst = Math.max(worst, scoresDiff((output.fitted.x as { kept: FeatureScore[] }).kept, expected.scores));
    measured.push({ id, largestRelativeDiff: worst, ...(signs.includes(-1) ? { flippedComponents: signs.filter((x) => x < 0).length } : {}) });
    expect(worst, `${id}: largest relative difference ${worst}`).toBeLessThanOrEqual(EXACT);
  });
});
