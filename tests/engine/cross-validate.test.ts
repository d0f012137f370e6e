import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonical-json';
import { hashValue, sha256Hex } from '../../src/core/hash';
import type { Metrics, PipelineState } from '../../src/core/state';
import { getColumn, type CategoricalColumn, type NumericColumn } from '../../src/core/table';
import type { ProgressEvent } from '../../src/engine/progress';
import type { RunResult } from '../../src/engine/run-pipeline';
import { summarizeFolds } from '../../src/engine/cross-validate';
import { runStep } from '../../src/engine/run-step';
import { MemoryStepCache } from '../../src/engine/step-cache';
import { findStep } from '../../src/steps/registry';
import { doc, loadExample, run, spec, tf } from '../helpers';

const PYTHON = '/usr/bin/python3';
const dir = mkdtempSync(path.join(tmpdir(), 'pipelab-cv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const iris = { id: 'data', kind: 'data.builtin', params: { name: 'iris' } };
const kFold = (folds = 5) => ({ id: 'folds', kind: 'split.k-fold', params: { folds } });
const scale = { id: 'scale', kind: 'transform.standardize' };
const logreg = (epochs = 20) => ({ id: 'model', kind: 'model.logistic-regression', params: { epochs } });
const evaluate = { id: 'evaluate', kind: 'evaluate.classification' };
/** A quick cross-validated iris pipeline (20 epochs) for the engine tests. */
const quick = (folds = 5) => spec(doc([iris, kFold(folds), scale, logreg(), evaluate]));

let example: RunResult;
beforeAll(async () => {
  example = await run(loadExample('iris-cv'));
}, 60_000);

/** Each fold run by hand: the later steps' definitions called one by one on the k-fold output with split = that fold. */
async function foldsByHand(result: RunResult): Promise<{ test: Metrics; hashes: string[] }[]> {
  const s = result.record.spec;
  const { folds, ...base } = result.outputs.find((o) => o.stepId === 'folds')!.state;
  const later = s.steps.slice(s.steps.findIndex((x) => x.id === 'folds') + 1);
  const out = [];
  for (const split of folds!) {
    let input: PipelineState = { ...base, split };
    let inputHash = await hashValue(input);
    const hashes: string[] = [];
    for (const step of later) {
      const r = await runStep({
        tf, step, definition: findStep(step.kind)!, pipelineSeed: s.seed, input, inputHash, data: null,
        backend: 'cpu', epsilon: 1e-7, signal: new AbortController().signal, onEpoch: () => {},
      });
      hashes.push(r.outputHash);
      input = r.state;
      inputHash = r.outputHash;
    }
    out.push({ test: input.evaluation!.test, hashes });
  }
  return out;
}

describe('k-fold cross-validation in the engine', () => {
  it('runs the later steps once per fold, each fold exactly as a plain holdout run of that fold would', async () => {
    const { record } = example;
    expect(record.status).toBe('done');
    const cv = record.crossValidation!;
    expect(cv.folds).toBe(5);
    expect(cv.perFold).toHaveLength(5);
    const byHand = await foldsByHand(example);
    expect(cv.perFold).toEqual(byHand.map((f) => f.test));
    // A later step's output hash is the hash of its per-fold output hashes, in fold order.
    for (const [j, id] of ['scale', 'model', 'evaluate'].entries()) {
      const expected = await sha256Hex(canonicalJson(byHand.map((f) => f.hashes[j])));
      expect(record.steps.find((x) => x.id === id)!.outputHash).toBe(expected);
    }
  }, 60_000);

  it('reports the mean and population std of each test metric over the folds, and the mean training metrics', () => {
    const { record } = example;
    const cv = record.crossValidation!;
    for (const name of ['accuracy', 'precision', 'recall', 'f1', 'logLoss']) {
      const values = cv.perFold.map((m) => m[name]);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
      expect(cv.mean[name]).toBeCloseTo(mean, 12);
      expect(cv.std[name]).toBeCloseTo(std, 12);
      expect(record.metrics[name]).toBe(cv.mean[name]);
    }
    expect(new Set(cv.perFold.map((m) => m.accuracy)).size).toBeGreaterThan(1);
    expect(cv.std.accuracy).toBeGreaterThan(0);
    expect(record.trainMetrics).toEqual(cv.trainMean);
    expect(record.history).toHaveLength(100);
  });

  it('keeps the last fold for the charts and data views, with a fold column on the k-fold output', () => {
    const { outputs } = example;
    const folds = outputs.find((o) => o.stepId === 'folds')!.state.folds!;
    const last = outputs[outputs.length - 1].state;
    expect(last.split).toEqual(folds[4]);
    expect(last.folds).toBeUndefined();
    expect(outputs.map((o) => o.stepId)).toEqual(['data', 'folds', 'scale', 'model', 'evaluate']);
  });

  it('gives the same hashes from the cache as from a fresh run, and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const cache = new MemoryStepCache();
    const first = (await run(quick(), { cache })).record;
    const cached = (await run(quick(), { cache })).record;
    expect(cached.steps.map((s) => s.status)).toEqual(['cached', 'cached', 'cached', 'cached', 'cached']);
    expect(cached.steps.map((s) => s.outputHash)).toEqual(first.steps.map((s) => s.outputHash));
    const edited = quick();
    edited.steps[3].params.epochs = 25;
    const partly = (await run(edited, { cache })).record;
    expect(partly.steps.map((s) => s.status)).toEqual(['cached', 'cached', 'cached', 'done', 'done']);
    const fresh = (await run(edited)).record;
    expect(partly.steps.map((s) => s.outputHash)).toEqual(fresh.steps.map((s) => s.outputHash));
    expect(partly.resultHash).toBe(fresh.resultHash);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('tags progress events with the fold, one start and end per step and fold', async () => {
    const events: ProgressEvent[] = [];
    await run(quick(3), { onProgress: (e) => events.push(e) });
    const starts = events.filter((e) => e.type === 'step-start').map((e) => `${e.stepId}${e.fold ?? ''}/${e.folds ?? ''}`);
    expect(starts).toEqual(['data/', 'folds/', 'scale0/3', 'model0/3', 'evaluate0/3', 'scale1/3', 'model1/3', 'evaluate1/3', 'scale2/3', 'model2/3', 'evaluate2/3']);
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(epochs).toHaveLength(60);
    expect(epochs[59]).toMatchObject({ fold: 2, folds: 3, epoch: 20, epochs: 20 });
  }, 60_000);

  it('stops at the fold being run when cancelled, with no result and no leak', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let afterAbort = 0;
    const onProgress = (e: ProgressEvent) => {
      if (controller.signal.aborted && e.type !== 'step-end') afterAbort++;
      if (e.type === 'epoch' && e.fold === 2 && e.epoch === 3) controller.abort();
    };
    const { record } = await run(quick(), { signal: controller.signal, onProgress });
    expect(record.status).toBe('cancelled');
    expect(record.steps.map((s) => s.status)).toEqual(['done', 'done', 'not-run', 'cancelled', 'not-run']);
    expect(record.resultHash).toBeNull();
    expect(record.crossValidation).toBeUndefined();
    expect(record.metrics).toEqual({});
    expect(afterAbort).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('fails with a clear message on a second k-fold step, and skips disabled later steps', async () => {
    const twice = (await run(spec(doc([iris, kFold(), { id: 'again', kind: 'split.k-fold' }])))).record;
    expect(twice.status).toBe('failed');
    expect(twice.error?.message).toMatch(/Step "again" \(K-fold cross-validation\) failed: a pipeline can cross-validate only once/);
    const skipped = (await run(spec(doc([iris, kFold(3), { ...scale, enabled: false }, logreg(5), evaluate])))).record;
    expect(skipped.steps.map((s) => s.status)).toEqual(['done', 'done', 'skipped', 'done', 'done']);
    expect(skipped.crossValidation?.perFold).toHaveLength(3);
  }, 60_000);

  it('cross-validates a regression pipeline (R² averaged over the folds)', async () => {
    const diabetes = spec(doc([{ id: 'data', kind: 'data.builtin', params: { name: 'diabetes' } }, kFold(4), scale, { id: 'model', kind: 'model.linear-regression' }, { id: 'evaluate', kind: 'evaluate.regression' }]));
    const { record } = await run(diabetes);
    const cv = record.crossValidation!;
    expect(cv.perFold).toHaveLength(4);
    expect(record.metrics.r2).toBeCloseTo(cv.perFold.reduce((a, m) => a + m.r2, 0) / 4, 12);
    expect(record.metrics.r2).toBeGreaterThan(0.4);
  }, 60_000);

  it('leaves the record of a pipeline without a k-fold step without crossValidation', async () => {
    const { record } = await run(spec(doc([iris, { id: 'split', kind: 'split.train-test' }, scale, logreg(5), evaluate])));
    expect('crossValidation' in record).toBe(false);
  }, 60_000);
});

describe('summarizeFolds', () => {
  it('divides the variance by k (numpy std, ddof=0) and averages a metric only over the folds that have it', () => {
    const cv = summarizeFolds([
      { test: { accuracy: 1, auc: 0.5 }, train: { accuracy: 1 } },
      { test: { accuracy: 0.5 }, train: { accuracy: 0.5 } },
    ]);
    expect(cv).toEqual({ folds: 2, perFold: [{ accuracy: 1, auc: 0.5 }, { accuracy: 0.5 }], mean: { accuracy: 0.75, auc: 0.5 }, std: { accuracy: 0.25, auc: 0 }, trainMean: { accuracy: 0.75 } });
  });
});

describe('k-fold cross-validation against scikit-learn', () => {
  it('scores within 2 points of StandardScaler + LogisticRegression cross-validated on the same folds', () => {
    const check = spawnSync(PYTHON, ['-c', 'import sklearn'], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`${PYTHON} cannot import scikit-learn: install Debian's python3-sklearn. ${check.stderr}`);
    const state = example.outputs.find((o) => o.stepId === 'folds')!.state;
    const table = state.table!;
    const features = table.columns.filter((c) => c.name !== state.target) as NumericColumn[];
    const y = (getColumn(table, state.target!) as CategoricalColumn).codes;
    const x = Array.from({ length: table.rowCount }, (_, r) => features.map((f) => f.values[r]));
    const model = example.record.spec.steps.find((s) => s.id === 'model')!.params;
    const job = path.join(dir, 'cv-job.json');
    writeFileSync(job, JSON.stringify({ x, y: Array.from(y), folds: state.folds!.map((f) => Array.from(f.test)), l2: model.l2, batch: model.batchSize }));
    const result = spawnSync(PYTHON, [path.resolve(import.meta.dirname, 'cv-sklearn.py'), job], { encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`scikit-learn failed (exit ${result.status}): ${result.stderr}`);
    const sk = JSON.parse(result.stdout) as { perFold: number[]; mean: number; std: number };
    const ours = example.record.crossValidation!;
    console.log(`5-fold iris accuracy: pipelab ${ours.mean.accuracy.toFixed(4)} ± ${ours.std.accuracy.toFixed(4)}, scikit-learn ${sk.mean.toFixed(4)} ± ${sk.std.toFixed(4)}`);
    console.log(`per fold: pipelab ${ours.perFold.map((m) => m.accuracy.toFixed(3))}, scikit-learn ${sk.perFold.map((a) => a.toFixed(3))}`);
    expect(sk.perFold).toHaveLength(5);
    expect(Math.abs(ours.mean.accuracy - sk.mean)).toBeLessThanOrEqual(0.02);
  }, 120_000);
});
