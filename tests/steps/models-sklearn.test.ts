import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineState } from '../../src/core/state';
import type { CategoricalColumn, NumericColumn } from '../../src/core/table';
import { replayProbabilities } from '../../src/steps/model/replay';
import { doc, run, spec } from '../helpers';

/** Debian's Python, which python3-sklearn installs scikit-learn for. */
const PYTHON = '/usr/bin/python3';
const SCRIPT = path.resolve(import.meta.dirname, 'sklearn-models.py');
const dir = mkdtempSync(path.join(tmpdir(), 'pipelab-models-sklearn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One model fitted by pipelab and by scikit-learn on the same rows. */
interface Job {
  readonly id: string;
  readonly data: string;
  readonly kind: string;
  readonly stepKind: string;
  readonly params: Record<string, unknown>;
  readonly regression?: boolean;
}

interface Fitted {
  readonly job: Job;
  readonly model: PipelineState;
  readonly test: Int32Array;
  readonly x: Float64Array;
  readonly truth: Float64Array;
  readonly sk: { predicted: number[]; score: number; probabilities?: number[][]; nodes?: number[][] };
}

const KNN = { k: 5, weights: 'uniform' };
const KNN_DISTANCE = { k: 15, weights: 'distance' };
const TREE = { maxDepth: 5, minSamplesSplit: 2, minSamplesLeaf: 1 };
const FOREST = { trees: 50, maxDepth: 8, minSamplesLeaf: 1, bootstrap: true };

const CLASSIFICATION: Job[] = ['iris', 'wine', 'breast_cancer'].flatMap((data) => [
  { id: `${data}/knn-uniform`, data, kind: 'knn', stepKind: 'model.knn-classifier', params: KNN },
  { id: `${data}/knn-distance-k15`, data, kind: 'knn', stepKind: 'model.knn-classifier', params: KNN_DISTANCE },
  { id: `${data}/nb`, data, kind: 'nb', stepKind: 'model.gaussian-nb', params: { varSmoothing: 1e-9 } },
  { id: `${data}/tree-gini`, data, kind: 'tree', stepKind: 'model.decision-tree', params: { ...TREE, criterion: 'gini' } },
  { id: `${data}/tree-entropy`, data, kind: 'tree', stepKind: 'model.decision-tree', params: { ...TREE, criterion: 'entropy' } },
  { id: `${data}/forest`, data, kind: 'forest', stepKind: 'model.random-forest', params: { ...FOREST, maxFeatures: 'sqrt', criterion: 'gini' } },
]);

const diabetes = (name: string, kind: string, stepKind: string, params: Record<string, unknown>): Job =>
  ({ id: `diabetes/${name}`, data: 'diabetes', kind, stepKind, params, regression: true });

const REGRESSION: Job[] = [
  diabetes('knn-uniform', 'knn-regressor', 'model.knn-regressor', KNN),
  diabetes('knn-distance-k15', 'knn-regressor', 'model.knn-regressor', KNN_DISTANCE),
  diabetes('tree', 'tree-regressor', 'model.decision-tree-regressor', TREE),
  diabetes('forest', 'forest-regressor', 'model.random-forest-regressor', { ...FOREST, maxFeatures: 'all' }),
];

const JOBS = [...CLASSIFICATION, ...REGRESSION];

/** Fails (never skips) when scikit-learn is missing, saying how to install it. */
function requireSklearn(): void {
  const result = spawnSync(PYTHON, ['-c', 'import sklearn'], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${PYTHON} cannot import scikit-learn: install Debian's python3-sklearn (sudo apt-get install -y python3-sklearn). ` +
        `${result.error?.message ?? result.stderr}`,
    );
  }
}

/** The target of a row as scikit-learn gets it: the class code, or the number. */
function targetValue(target: CategoricalColumn | NumericColumn, r: number): number {
  return target.type === 'categorical' ? target.codes[r] : target.values[r];
}

/** Features (the standardized table the model saw) and the target of the given rows, as CSV. */
function csvRows(features: NumericColumn[], target: CategoricalColumn | NumericColumn, rows: Int32Array): string {
  const lines = [[...features.map((f) => f.name), 'target'].join(',')];
  for (const r of rows) lines.push([...features.map((f) => String(f.values[r])), String(targetValue(target, r))].join(','));
  return `${lines.join('\n')}\n`;
}

/** Runs data → split → standardize → model in pipelab and writes that split's train/test CSVs. */
async function fitInPipelab(job: Job) {
  const steps = [
    { id: 'data', kind: 'data.builtin', params: { name: job.data } },
    { id: 'split', kind: 'split.train-test' },
    { id: 'scale', kind: 'transform.standardize' },
    { id: 'model', kind: job.stepKind, params: job.params },
  ];
  const { record, outputs } = await run(spec(doc(steps)));
  if (record.status !== 'done') throw new Error(`${job.id} failed in pipelab: ${record.error?.message}`);
  const split = outputs.find((o) => o.stepId === 'split')!.state.split!;
  const model = outputs.find((o) => o.stepId === 'model')!.state;
  const table = outputs.find((o) => o.stepId === 'scale')!.state.table!;
  const features = table.columns.filter((c) => c.name !== model.target) as NumericColumn[];
  const target = table.columns.find((c) => c.name === model.target) as CategoricalColumn | NumericColumn;
  const file = (set: string) => path.join(dir, `${job.id.replace('/', '-')}-${set}.csv`);
  writeFileSync(file('train'), csvRows(features, target, split.train));
  writeFileSync(file('test'), csvRows(features, target, split.test));
  const x = new Float64Array(split.test.length * features.length);
  split.test.forEach((r, i) => features.forEach((f, j) => (x[i * features.length + j] = f.values[r])));
  const truth = Float64Array.from(split.test, (r) => targetValue(target, r));
  return { model, test: split.test, x, truth, files: { train: file('train'), test: file('test') } };
}

const fitted = new Map<string, Fitted>();

beforeAll(async () => {
  requireSklearn();
  const ours = await Promise.all(JOBS.map(fitInPipelab));
  const jobsFile = path.join(dir, 'jobs.json');
  writeFileSync(jobsFile, JSON.stringify(JOBS.map((job, i) => ({ ...job, ...ours[i].files }))));
  const result = spawnSync(PYTHON, [SCRIPT, jobsFile], { encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`scikit-learn failed (exit ${result.status}): ${result.stderr}`);
  const theirs = JSON.parse(result.stdout) as Fitted['sk'][];
  JOBS.forEach((job, i) => fitted.set(job.id, { job, ...ours[i], sk: theirs[i] }));
}, 300_000);

/** The step's predictions on the test rows: labels (classification) or values (regression). */
function testPredictions(f: Fitted): number[] {
  const p = f.model.predictions!;
  return Array.from(f.test, (r) => (p.labels ? p.labels[r] : p.values![r]));
}

/** Accuracy (classification) or R² (regression) on the test rows, as scikit-learn's score computes it. */
function score(f: Fitted, predicted: number[]): number {
  const y = f.truth;
  if (!f.job.regression) return predicted.filter((l, i) => l === y[i]).length / y.length;
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  let res = 0;
  let tot = 0;
  y.forEach((v, i) => {
    res += (v - predicted[i]) ** 2;
    tot += (v - mean) ** 2;
  });
  return 1 - res / tot;
}

function largestDiff(a: ArrayLike<number>, b: number[]): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  b.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - a[i]))));
  return worst;
}

/** The step's probabilities on the test rows (float32, as stored). */
function testProbabilities(f: Fitted): Float32Array {
  const k = f.model.predictions!.classes!.length;
  const p = f.model.predictions!.probabilities!;
  const out = new Float32Array(f.test.length * k);
  f.test.forEach((r, i) => out.set(p.subarray(r * k, (r + 1) * k), i * k));
  return out;
}

/**
 * Every node of a tree as "depth|rows|class counts" (or "depth|rows|mean" for regression),
 * sorted: two trees that cut the training rows into the same groups at every depth give
 * the same list, whichever of two equally good features each of them chose.
 */
function nodeSignature(nodes: number[][], regression: boolean): string[] {
  return nodes.map((n) => (regression ? [n[0], n[1], n[2].toFixed(9)] : n).join('|')).sort();
}

function ourNodes(f: Fitted): number[][] {
  const w = Object.fromEntries(f.model.model!.weights.map((a) => [a.name, a.values]));
  const width = w.value.length / w.feature.length;
  const out: number[][] = [];
  const walk = (node: number, depth: number) => {
    const n = w.samples[node];
    const value = Array.from(w.value.subarray(node * width, (node + 1) * width));
    out.push([depth, n, ...(f.job.regression ? value : value.map((v) => Math.round(v * n)))]);
    if (w.left[node] >= 0) {
      walk(w.left[node], depth + 1);
      walk(w.right[node], depth + 1);
    }
  };
  walk(0, 0);
  return out;
}

const measured: Record<string, unknown>[] = [];
afterAll(() => console.table(measured));

function agreement(f: Fitted): { ours: number[]; agree: string } {
  const ours = testPredictions(f);
  const same = ours.filter((v, i) => (f.job.regression ? Math.abs(v - f.sk.predicted[i]) < 1e-9 : v === f.sk.predicted[i])).length;
  return { ours, agree: `${same}/${ours.length}` };
}

describe('kNN and naive Bayes agree with scikit-learn on every test row of pipelab\'s own split', () => {
  it.each(JOBS.filter((j) => j.kind.startsWith('knn') || j.kind === 'nb').map((j) => j.id))('%s', (id) => {
    const f = fitted.get(id)!;
    const { ours, agree } = agreement(f);
    if (f.job.regression) {
      const worst = largestDiff(ours, f.sk.predicted);
      measured.push({ id, agree, largestDiff: worst });
      expect(worst).toBeLessThan(1e-9);
      return;
    }
    const float32 = largestDiff(testProbabilities(f), f.sk.probabilities!.flat());
    const float64 = f.job.kind === 'nb' ? largestDiff(replayProbabilities(f.model.model!, f.x)!, f.sk.probabilities!.flat()) : null;
    measured.push({ id, agree, largestDiff: float32, float64 });
    expect(ours).toEqual(f.sk.predicted);
    // The stored probabilities are float32: within float32 rounding of scikit-learn's.
    expect(float32).toBeLessThan(1e-7);
    if (float64 !== null) expect(float64).toBeLessThan(1e-9);
  });
});

describe('trees and forests score close to scikit-learn on pipelab\'s own split', () => {
  it.each(JOBS.filter((j) => j.kind.startsWith('tree') || j.kind.startsWith('forest')).map((j) => j.id))('%s', (id) => {
    const f = fitted.get(id)!;
    const { ours, agree } = agreement(f);
    const pipelab = score(f, ours);
    measured.push({ id, agree, pipelab, sklearn: f.sk.score });
    if (f.job.kind.startsWith('tree')) {
      // The same groups of training rows at every depth: the trees differ only where two splits tie.
      expect(nodeSignature(ourNodes(f), !!f.job.regression)).toEqual(nodeSignature(f.sk.nodes!, !!f.job.regression));
    }
    // Accuracy (R² for diabetes) within 5 points. Trees: one tie on wine (gini) that isolates the same
    // training row with another feature moves 2 of 45 test rows (4.4 points); forests draw differently.
    expect(Math.abs(pipelab - f.sk.score)).toBeLessThanOrEqual(0.05);
  });
});
