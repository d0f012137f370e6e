import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/core/csv-writer';
import { sha256Hex } from '../../src/core/hash';
import type { PipelineSpec } from '../../src/core/spec';
import type { Evaluation } from '../../src/core/state';
import { withUserData } from '../../src/engine/data-source';
import { nodeDataSource } from '../../src/cli/node-data-source';
import { exportNotes, exportPython } from '../../src/share/python-export';
import { KNOWN, REFUSED } from '../../src/share/python-tables';
import { WRITTEN_MODELS } from '../../src/share/python-models';
import { WRITTEN_TRANSFORMS } from '../../src/share/python-transforms';
import { ALL_STEPS } from '../../src/steps/registry';
import { ALL_DESCRIPTIONS } from '../../src/steps/catalog';
import { doc, run, spec } from '../helpers';
import { requireSklearn, runScripts, type ScriptResult } from './python-run';

/** One pipeline to run in pipelab and in Python: how close the metrics must be ('exact': 1e-9), and the user file it reads. */
interface Case {
  readonly steps: unknown[];
  readonly tolerance: 'exact' | number;
  readonly userFile?: string;
}

const SPLIT = { id: 'split', kind: 'split.train-test', params: { testFraction: 0.3 } };
const STRATIFIED = { id: 'split', kind: 'split.train-test', params: { testFraction: 0.3, stratify: true } };
const EVAL = { id: 'evaluate', kind: 'evaluate.classification', params: {} };
const REPORT = { id: 'report', kind: 'evaluate.classification-report', params: {} };
const REG = { id: 'evaluate', kind: 'evaluate.regression', params: {} };
const data = (name: string) => ({ id: 'data', kind: 'data.builtin', params: { name } });
const step = (id: string, kind: string, params: Record<string, unknown> = {}) => ({ id, kind, params });
const SEATTLE = readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'real', 'seattle-weather.csv'), 'utf8');
const seattle = { id: 'data', kind: 'data.import', params: { name: 'seattle-weather.csv', target: 'weather', task: 'classification' } };
const WINE = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'public', 'datasets', 'wine.csv'), 'utf8');

const CASES: Readonly<Record<string, Case>> = {
  'iris-impute-minmax-knn': {
    steps: [data('iris'), SPLIT, step('fill', 'transform.impute', { strategy: 'median' }),
      step('minmax', 'transform.min-max', { columns: ['petal_length_cm', 'petal_width_cm'] }), step('model', 'model.knn-classifier', { k: 5 }), EVAL, REPORT],
    tolerance: 'exact',
  },
  'wine-robust-pca-nb': {
    steps: [data('wine'), STRATIFIED, step('robust', 'transform.robust-scale'), step('pca', 'transform.pca', { nComponents: 4 }),
      step('model', 'model.gaussian-nb'), EVAL, REPORT],
    tolerance: 'exact',
  },
  'penguins-ordinal-onehot-knn': {
    steps: [data('penguins'), STRATIFIED, step('fill', 'transform.impute', { strategy: 'most_frequent' }),
      step('ordinal', 'transform.ordinal-encode', { columns: ['Island'] }), step('onehot', 'transform.one-hot'),
      step('drop', 'transform.drop-columns', { columns: ['Sex=MALE'] }), step('scale', 'transform.standardize'),
      step('model', 'model.knn-classifier', { k: 7, weights: 'distance' }), EVAL, REPORT],
    tolerance: 'exact',
  },
  'penguins-gaps-onehot-knn': {
    steps: [data('penguins'), SPLIT, step('onehot', 'transform.one-hot'), step('fill', 'transform.impute', { strategy: 'mean' }),
      step('scale', 'transform.standardize'), step('model', 'model.knn-classifier', { k: 4 }), EVAL],
    tolerance: 'exact',
  },
  'penguins-gaps-ordinal-knn': {
    steps: [data('penguins'), SPLIT, step('ordinal', 'transform.ordinal-encode', { columns: ['Sex'] }), step('onehot', 'transform.one-hot'),
      step('fill', 'transform.impute', { strategy: 'mean' }), step('minmax', 'transform.min-max'), step('model', 'model.knn-classifier'), EVAL],
    tolerance: 'exact',
  },
  'penguins-constant-nb': {
    steps: [data('penguins'), step('clean', 'transform.drop-missing'), SPLIT, step('fill', 'transform.impute', { strategy: 'constant', fillValue: -1 }),
      step('onehot', 'transform.one-hot'), step('model', 'model.gaussian-nb', { varSmoothing: 1e-6 }), EVAL],
    tolerance: 'exact',
  },
  'diabetes-poly-linreg': {
    steps: [data('diabetes'), SPLIT, step('keep', 'transform.select-columns', { columns: ['age', 'bmi', 'bp', 's5'] }),
      step('poly', 'transform.polynomial', { degree: 3, columns: ['bmi', 'bp'] }), step('drop', 'transform.drop-columns', { columns: ['bmi^2*bp'] }),
      step('scale', 'transform.standardize'), step('model', 'model.linear-regression', { l2: 0 }), REG],
    tolerance: 'exact',
  },
  'diabetes-pca-knn-regressor': {
    steps: [data('diabetes'), SPLIT, step('scale', 'transform.standardize'), step('pca', 'transform.pca', { nComponents: 3, columns: ['s1', 's2', 's3', 's4', 's5', 's6'] }),
      step('keep', 'transform.select-columns', { columns: ['PC1', 'PC2', 'bmi', 'bp', 'age'] }), step('model', 'model.knn-regressor', { k: 10, weights: 'distance' }), REG],
    tolerance: 'exact',
  },
  'moons-nb': {
    steps: [step('data', 'data.synthetic', { shape: 'moons' }), SPLIT, step('model', 'model.gaussian-nb'), REPORT],
    tolerance: 'exact',
  },
  'noise-interactions-knn': {
    steps: [step('data', 'data.noise', { classes: 3, features: 6, samples: 150 }), SPLIT, step('poly', 'transform.polynomial', { degree: 2, interactionOnly: true }),
      step('best', 'transform.select-k-best', { k: 4 }), step('model', 'model.knn-classifier', { k: 3 }), EVAL],
    tolerance: 'exact',
  },
  'imported-wine-knn': {
    steps: [{ id: 'data', kind: 'data.import', params: { name: 'wine.csv', target: 'cultivar', task: 'classification', columns: ['alcohol', 'flavanoids', 'hue', 'proline'] } },
      STRATIFIED, step('scale', 'transform.robust-scale', { columns: ['proline'] }), step('model', 'model.knn-classifier'), EVAL, REPORT],
    tolerance: 'exact',
    userFile: WINE,
  },
  'seattle-date-parts-knn': {
    steps: [seattle, STRATIFIED, step('dates', 'transform.date-parts', { columns: ['date'], hour: false }), step('scale', 'transform.standardize'),
      step('model', 'model.knn-classifier', { k: 9 }), EVAL, REPORT],
    tolerance: 'exact',
    userFile: SEATTLE,
  },
  'seattle-cyclical-dates-nb': {
    steps: [seattle, STRATIFIED, step('dates', 'transform.date-parts', { cyclical: true, year: false }), step('model', 'model.gaussian-nb'), EVAL, REPORT],
    tolerance: 'exact',
    userFile: SEATTLE,
  },
  'breast-kbest-tree': {
    steps: [data('breast_cancer'), STRATIFIED, step('best', 'transform.select-k-best', { k: 8 }),
      step('model', 'model.decision-tree', { maxDepth: 4, minSamplesLeaf: 3, criterion: 'entropy' }), EVAL, REPORT],
    tolerance: 0.02,
  },
  'digits-forest': {
    steps: [data('digits'), STRATIFIED, step('model', 'model.random-forest', { trees: 40 }), EVAL],
    tolerance: 0.02,
  },
  'diabetes-tree-regressor': {
    steps: [data('diabetes'), SPLIT, step('model', 'model.decision-tree-regressor', { maxDepth: 3, minSamplesSplit: 10 }), REG],
    tolerance: 0.02,
  },
  'diabetes-mlp-regressor': {
    steps: [data('diabetes'), SPLIT, step('scale', 'transform.standardize'),
      step('model', 'model.mlp-regressor', { hiddenLayers: [16], epochs: 100, learningRate: 0.003, l2: 0.01 }), REG],
    tolerance: 0.02,
  },
  'diabetes-forest-regressor': {
    steps: [data('diabetes'), SPLIT, step('model', 'model.random-forest-regressor', { trees: 100, maxDepth: 6, minSamplesLeaf: 3 }), REG],
    tolerance: 0.02,
  },
};

/** What pipelab measured: the run's metrics and its report's per-class average precision and AUC. */
interface PipelabResult {
  readonly test: Record<string, number>;
  readonly train: Record<string, number>;
  readonly evaluation: Evaluation | null;
  /** The feature columns the model was fitted on, in order. */
  readonly features: string[];
}

const pipelab: Record<string, PipelabResult> = {};
let python: Record<string, ScriptResult> = {};

async function runCase(c: Case): Promise<{ result: PipelabResult; script: string }> {
  const s: PipelineSpec = spec(doc(await withHash(c)));
  const hash = c.userFile ? await sha256Hex(c.userFile) : '';
  const { record, outputs } = await run(s, c.userFile ? { dataSource: withUserData(nodeDataSource, { [hash]: c.userFile }) } : {});
  if (record.status !== 'done') throw new Error(`pipelab's run failed: ${record.error?.message}`);
  const split = outputs.find((o) => o.stepId === 'split')?.state.split;
  const table = outputs[0].state.table;
  if (!split || !table) throw new Error('no split or data output');
  const builtin = s.steps[0].kind === 'data.builtin' && s.steps[0].params.name !== 'penguins';
  const script = exportPython(s, { testRows: [...split.test], dataCsv: builtin ? null : tableToCsv(table) });
  const last = outputs[outputs.length - 1].state;
  const features = (last.model?.info.features ?? []) as string[];
  return { result: { test: { ...record.metrics }, train: { ...record.trainMetrics }, evaluation: last.evaluation, features }, script };
}

async function withHash(c: Case): Promise<unknown[]> {
  if (!c.userFile) return c.steps;
  const hash = await sha256Hex(c.userFile);
  return c.steps.map((st, i) => (i === 0 ? { ...(st as object), params: { ...(st as { params: object }).params, hash } } : st));
}

function expectClose(name: string, what: string, pipe: number, py: number | null | undefined, tolerance: number): void {
  expect(py, `${name}: Python has no ${what}`).not.toBeNull();
  expect(Math.abs(pipe - (py as number)), `${name} ${what}: pipelab ${pipe}, Python ${py}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(pipe)));
}

describe('Python export of every step kind: the script reproduces pipelab\'s metrics', () => {
  beforeAll(async () => {
    requireSklearn();
    const scripts: Record<string, string> = {};
    for (const [name, c] of Object.entries(CASES)) {
      const { result, script } = await runCase(c);
      pipelab[name] = result;
      scripts[name] = script;
    }
    python = runScripts(scripts);
  }, 600_000);

  it.each(Object.keys(CASES))('%s', (name) => {
    const c = CASES[name];
    const [pipe, py] = [pipelab[name], python[name]];
    const exact = c.tolerance === 'exact';
    expect(py.columns).toEqual(pipe.features);
    expect(Object.keys(py.test).sort()).toEqual(Object.keys(pipe.test).sort());
    for (const [metric, value] of Object.entries(pipe.test)) {
      const headline = metric === 'accuracy' || metric === 'r2';
      if (exact || headline) expectClose(name, `test ${metric}`, value, py.test[metric], exact ? 1e-9 : (c.tolerance as number));
    }
    if (exact) for (const [metric, value] of Object.entries(pipe.train)) expectClose(name, `train ${metric}`, value, py.train[metric], 1e-9);
    for (const curve of pipe.evaluation?.report?.curves ?? []) {
      const cls = py.report?.[curve.cls];
      expect(cls, `${name}: no report for class ${curve.cls}`).toBeDefined();
      expectClose(name, `AUC of ${curve.cls}`, curve.auc, cls?.auc, exact ? 1e-9 : 0.05);
      expectClose(name, `average precision of ${curve.cls}`, curve.averagePrecision, cls?.averagePrecision, exact ? 1e-9 : 0.05);
    }
    for (const row of pipe.evaluation?.report?.perClass ?? []) {
      if (exact) expectClose(name, `F1 of ${row.cls}`, row.f1, py.report?.[row.cls]?.f1, 1e-9);
      expect(py.report?.[row.cls]?.support).toBe(row.support);
    }
  });
});

describe('which step kinds the Python export covers', () => {
  it('maps every registered step kind, or refuses it on purpose with a reason', () => {
    const registered = ALL_STEPS.map((s) => s.kind);
    const missed = registered.filter((kind) => !KNOWN.has(kind) && !Object.hasOwn(REFUSED, kind));
    expect(missed, 'kinds that neither declare their Python export nor a pythonRefusal').toEqual([]);
    expect([...KNOWN].filter((kind) => !registered.includes(kind)), 'exported kinds that no step has').toEqual([]);
    expect(Object.keys(REFUSED).filter((kind) => KNOWN.has(kind)), 'kinds both exported and refused').toEqual([]);
    for (const reason of Object.values(REFUSED)) expect(reason.length).toBeGreaterThan(20);
    const of = (category: string) => ALL_DESCRIPTIONS.filter((d) => d.category === category && !Object.hasOwn(REFUSED, d.kind)).map((d) => d.kind);
    expect([...WRITTEN_TRANSFORMS], 'every transform writes its Python').toEqual(of('transform'));
    expect([...WRITTEN_MODELS], 'every model writes its Python').toEqual(of('model'));
    expect(of('data').every((kind) => KNOWN.has(kind)) && of('evaluate').every((kind) => KNOWN.has(kind)), 'data and evaluate steps declare their export').toBe(true);
  });

  it('refuses a kind it does not know by name, listing what it can export', () => {
    const s = spec(doc([data('iris'), SPLIT, step('model', 'model.knn-classifier'), EVAL]));
    const future: PipelineSpec = { ...s, steps: s.steps.map((st) => (st.id === 'split' ? { ...st, kind: 'split.time-series' } : st)) };
    expect(() => exportPython(future, { testRows: [0], dataCsv: null })).toThrow(/"split\.time-series" has no Python export; expected one of .*split\.train-test/);
  });

  it('writes the notes that belong to the model and transforms used, and only those', () => {
    const notes = (steps: unknown[]) => exportNotes(spec(doc([data('penguins'), SPLIT, ...steps]))).join('\n');
    const knn = notes([step('fill', 'transform.impute'), step('onehot', 'transform.one-hot'), step('model', 'model.knn-classifier')]);
    expect(knn).toMatch(/k-d tree/);
    expect(knn).toMatch(/equally frequent labels/);
    expect(knn).not.toMatch(/numpy's generator|Decision tree|Polynomial/);
    expect(notes([step('onehot', 'transform.one-hot'), step('model', 'model.random-forest')])).toMatch(/comparable .* not equal/);
    expect(notes([step('onehot', 'transform.one-hot'), step('model', 'model.decision-tree')])).toMatch(/exact ties/);
    expect(notes([step('onehot', 'transform.one-hot'), step('model', 'model.gaussian-nb')])).toBe('');
  });
});
