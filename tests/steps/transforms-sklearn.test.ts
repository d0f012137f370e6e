// The issue-7 transforms against scikit-learn: each step's input table is written as CSV, the
// matching scikit-learn transformer is fitted on the same training rows in Python, and every
// output value must agree within 1e-9.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/core/csv-writer';
import type { PipelineState } from '../../src/core/state';
import { getColumn, type CategoricalColumn, type NumericColumn } from '../../src/core/table';
import type { PcaFit } from '../../src/steps/transform/pca';
import { doc, run, spec } from '../helpers';

/** Debian's Python, which python3-sklearn installs scikit-learn for. */
const PYTHON = '/usr/bin/python3';
/** The Python side: fits scikit-learn's transformers and prints their outputs. */
const SCRIPT = path.resolve(import.meta.dirname, 'transforms-sklearn.py');
const TOLERANCE = 1e-9;
const dir = mkdtempSync(path.join(tmpdir(), 'pipelab-transforms-sklearn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const data = (name: string) => ({ id: 'data', kind: 'data.builtin', params: { name } });
const split = { id: 'split', kind: 'split.train-test' };
const scale = { id: 'scale', kind: 'transform.standardize' };

/** One comparison: a pipeline ending in the step under test, and what Python should do with the step's input. */
interface Case {
  readonly id: string;
  readonly steps: unknown[];
  readonly op: 'minmax' | 'robust' | 'poly' | 'pca' | 'impute';
  readonly options?: Record<string, unknown>;
}

const CASES: Case[] = [
  { id: 'min-max wine', steps: [data('wine'), split, { id: 'x', kind: 'transform.min-max' }], op: 'minmax' },
  { id: 'robust diabetes', steps: [data('diabetes'), split, { id: 'x', kind: 'transform.robust-scale' }], op: 'robust' },
  { id: 'robust wine', steps: [data('wine'), split, { id: 'x', kind: 'transform.robust-scale' }], op: 'robust' },
  { id: 'polynomial iris degree 3', steps: [data('iris'), { id: 'x', kind: 'transform.polynomial', params: { degree: 3 } }], op: 'poly', options: { degree: 3, interaction_only: false } },
  { id: 'polynomial wine interactions', steps: [data('wine'), { id: 'x', kind: 'transform.polynomial', params: { interactionOnly: true } }], op: 'poly', options: { degree: 2, interaction_only: true } },
  { id: 'pca standardized wine', steps: [data('wine'), split, scale, { id: 'x', kind: 'transform.pca', params: { nComponents: 5 } }], op: 'pca', options: { k: 5 } },
  { id: 'pca iris', steps: [data('iris'), split, { id: 'x', kind: 'transform.pca', params: { nComponents: 3 } }], op: 'pca', options: { k: 3 } },
  ...['mean', 'median', 'most_frequent', 'constant'].map(
    (strategy): Case => ({
      id: `impute penguins ${strategy}`,
      steps: [data('penguins'), split, { id: 'x', kind: 'transform.impute', params: { strategy, fillValue: -1.5 } }],
      op: 'impute',
      options: { strategy, fill_value: -1.5 },
    }),
  ),
];

interface Ran {
  readonly input: PipelineState;
  readonly output: PipelineState;
}

/** What Python sends back for one case: output columns by name (null = missing), and PCA's fit. */
interface PyResult {
  readonly columns: Record<string, (number | string | null)[]>;
  readonly names?: string[];
  readonly pca?: { components: number[][]; explained_variance: number[]; explained_variance_ratio: number[]; own_signs_agree: number };
}

/** Both sides' results, computed once on first use (inside a test, so a missing Python fails the tests rather than skipping them). */
interface Results {
  readonly ran: Map<string, Ran>;
  readonly python: Record<string, PyResult>;
}
let results: Promise<Results> | null = null;
const bothSides = (): Promise<Results> => (results ??= computeBothSides());

/** Fails (never skips) when Python or scikit-learn is missing, saying how to install it. */
function runPython(args: string[]): string {
  const result = spawnSync(PYTHON, args, { encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(
      `${PYTHON} with scikit-learn is needed to compare the transforms: install Debian's python3-sklearn ` +
        `(sudo apt-get install -y python3-sklearn). Exit ${result.status}, ${result.error?.message ?? ''}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

async function computeBothSides(): Promise<Results> {
  const ran = new Map<string, Ran>();
  const jobs = [];
  for (const c of CASES) {
    const { record, outputs } = await run(spec(doc(c.steps)));
    if (record.status !== 'done') throw new Error(`${c.id}: ${record.error?.message}`);
    const input = outputs[outputs.length - 2].state;
    ran.set(c.id, { input, output: outputs[outputs.length - 1].state });
    const csv = path.join(dir, `${jobs.length}.csv`);
    writeFileSync(csv, tableToCsv(input.table!));
    const train = input.split ? [...input.split.train] : null;
    const features = input.table!.columns.filter((col) => col.name !== input.target);
    const ofType = (type: string) => features.filter((col) => col.type === type).map((col) => col.name);
    jobs.push({ id: c.id, csv, train, numeric: ofType('numeric'), categorical: ofType('categorical'), op: c.op, options: c.options ?? {} });
  }
  writeFileSync(path.join(dir, 'jobs.json'), JSON.stringify(jobs));
  return { ran, python: JSON.parse(runPython([SCRIPT, path.join(dir, 'jobs.json')])) };
}

/** Largest absolute difference between pipelab's and Python's values; a missing value must be missing in both. */
function maxDiff(ours: ArrayLike<number>, theirs: readonly (number | string | null)[]): number {
  expect(ours.length).toBe(theirs.length);
  let worst = 0;
  for (let i = 0; i < ours.length; i++) {
    const t = theirs[i];
    if (t === null) {
      expect(Number.isNaN(ours[i]), `row ${i}: missing in Python`).toBe(true);
      continue;
    }
    worst = Math.max(worst, Math.abs(ours[i] - (t as number)));
  }
  return worst;
}

/** Compares every column Python returned with pipelab's column of that name; returns the largest difference. */
function compareColumns(output: PipelineState, result: PyResult): number {
  let worst = 0;
  for (const [name, theirs] of Object.entries(result.columns)) {
    const col = getColumn(output.table!, name);
    if (col.type === 'categorical') {
      expect([...col.codes].map((c) => (c < 0 ? null : col.categories[c])), name).toEqual(theirs);
    } else {
      worst = Math.max(worst, maxDiff((col as NumericColumn).values, theirs));
    }
  }
  return worst;
}

describe('issue-7 transforms agree with scikit-learn', () => {
  it.each(CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const { ran, python } = await bothSides();
    const { output } = ran.get(c.id)!;
    const result = python[c.id];
    expect(result, `Python returned nothing for ${c.id}`).toBeDefined();
    if (result.names) expect(output.table!.columns.map((col) => col.name).filter((n) => n !== output.target)).toEqual(result.names);
    let worst = compareColumns(output, result);
    if (result.pca) worst = Math.max(worst, comparePca(output.fitted.x as PcaFit, result.pca));
    expect(worst, `${c.id}: largest difference ${worst}`).toBeLessThanOrEqual(TOLERANCE);
  });

  it('imputes text columns as scikit-learn does (most frequent; constant "missing")', async () => {
    const { ran } = await bothSides();
    const sex = (id: string) => getColumn(ran.get(id)!.output.table!, 'Sex') as CategoricalColumn;
    expect(sex('impute penguins mean').codes.includes(-1)).toBe(false);
    expect(sex('impute penguins constant').categories).toContain('missing');
  });
});

/** Components (after the loading-sign rule), explained variance and ratio: the largest difference. */
function comparePca(fit: PcaFit, theirs: NonNullable<PyResult['pca']>): number {
  let worst = 0;
  fit.components.forEach((row, i) => (worst = Math.max(worst, maxDiff(row as number[], theirs.components[i]))));
  worst = Math.max(worst, maxDiff(fit.explainedVariance as number[], theirs.explained_variance));
  return Math.max(worst, maxDiff(fit.explainedVarianceRatio as number[], theirs.explained_variance_ratio));
}
