// End-to-end tests of the CLI as a user runs it: `node bin/pipelab.js …` in a child process.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/pipelab.js');
const IRIS = 'examples/iris-logreg.json';
const DIABETES = 'examples/diabetes-linreg.json';
const TIMEOUT = 60_000;
const HEX64 = /^[0-9a-f]{64}$/;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from the repo root and resolves with its exit code and output, whatever the code. */
function pipelab(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: TIMEOUT, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: unknown }).code as number | null) : 0;
      resolve({ code: typeof code === 'number' ? code : null, stdout, stderr });
    });
  });
}

// The parts of a run record these tests read.
interface RunJson {
  format: string;
  status: string;
  seed: number;
  resultHash: string | null;
  configHash: string;
  environment: { backend: string };
  metrics: { [name: string]: number };
  steps: { id: string; kind: string; status: string; outputHash: string | null }[];
  error?: { stepId?: string; message: string } | null;
}

let tmp: string;

/** A pipeline spec document with the given steps. */
function spec(steps: unknown[]): string {
  return JSON.stringify({ format: 'pipelab/pipeline', version: 1, name: 'test', seed: 1, steps });
}

function writeTmp(name: string, text: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

/** Asserts the shape of a bad-input failure: exit 2, one "pipelab:" line on stderr, no stack trace. */
function expectBadInput(r: Result): string {
  expect(r.code).toBe(2);
  expect(r.stderr).not.toContain('    at ');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^pipelab: /);
  return lines[0];
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pipelab-cli-'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('pipelab run --json', () => {
  let first: Result;
  let record: RunJson;

  beforeAll(async () => {
    first = await pipelab('run', IRIS, '--json');
    record = JSON.parse(first.stdout) as RunJson;
  }, TIMEOUT);

  it('exits 0 and prints a complete run record', () => {
    expect(first.code).toBe(0);
    expect(record.format).toBe('pipelab/run');
    expect(record.status).toBe('done');
    expect(record.seed).toBe(42);
    expect(record.resultHash).toMatch(HEX64);
    expect(record.configHash).toMatch(HEX64);
    expect(record.environment.backend).toBe('cpu');
    expect(record.metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(record.steps.map((s) => s.id)).toEqual(['data', 'split', 'scale', 'model', 'evaluate']);
    for (const step of record.steps) {
      expect(step.status).toBe('done');
      expect(step.outputHash).toMatch(HEX64);
    }
  });

  it('gives the same resultHash when run again', async () => {
    const again = JSON.parse((await pipelab('run', IRIS, '--json')).stdout) as RunJson;
    expect(again.configHash).toBe(record.configHash);
    expect(again.resultHash).toBe(record.resultHash);
  }, TIMEOUT);

  it('--seed 7 overrides the seed and changes the result', async () => {
    const r = await pipelab('run', IRIS, '--seed', '7', '--json');
    expect(r.code).toBe(0);
    const seeded = JSON.parse(r.stdout) as RunJson;
    expect(seeded.seed).toBe(7);
    expect(seeded.status).toBe('done');
    expect(seeded.resultHash).toMatch(HEX64);
    expect(seeded.resultHash).not.toBe(record.resultHash);
    expect(seeded.configHash).not.toBe(record.configHash);
  }, TIMEOUT);

  it('--backend wasm runs iris on wasm', async () => {
    const r = await pipelab('run', IRIS, '--backend', 'wasm', '--json');
    expect(r.code).toBe(0);
    const wasm = JSON.parse(r.stdout) as RunJson;
    expect(wasm.status).toBe('done');
    expect(wasm.environment.backend).toBe('wasm');
    expect(wasm.metrics.accuracy).toBeGreaterThanOrEqual(0.9);
  }, TIMEOUT);
});

describe('pipelab run (human summary)', () => {
  it('prints the metrics and the resultHash', async () => {
    const r = await pipelab('run', DIABETES);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).toThrow();
    expect(r.stdout).toContain('Diabetes: linear regression: done');
    for (const metric of ['mse', 'rmse', 'mae', 'r2']) expect(r.stdout).toMatch(new RegExp(`^\\s+${metric}\\s+\\d`, 'm'));
    expect(r.stdout).toMatch(/^resultHash\s+[0-9a-f]{64}$/m);
  }, TIMEOUT);
});

describe('pipelab run --out DIR', () => {
  it('writes one CSV per step and run.json', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pipelab-out-'));
    try {
      const r = await pipelab('run', IRIS, '--out', dir, '--json');
      expect(r.code).toBe(0);
      const files = readdirSync(dir).sort();
      expect(files).toEqual(['01-data.csv', '02-split.csv', '03-scale.csv', '04-model.csv', '05-evaluate.csv', 'run.json']);

      const saved = JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')) as RunJson;
      expect(saved.resultHash).toBe((JSON.parse(r.stdout) as RunJson).resultHash);

      const lines = readFileSync(path.join(dir, '04-model.csv'), 'utf8').trimEnd().split('\n');
      const header = lines[0].split(',');
      expect(header).toContain('split');
      expect(header).toContain('predicted');
      expect(lines.length - 1).toBe(150);
      const split = header.indexOf('split');
      const predicted = header.indexOf('predicted');
      for (const line of lines.slice(1)) {
        const cells = line.split(',');
        expect(['train', 'test']).toContain(cells[split]);
        expect(['setosa', 'versicolor', 'virginica']).toContain(cells[predicted]);
      }
      // 25% stratified test set of 3 × 50 flowers: round(12.5) = 13 per class.
      expect(lines.slice(1).filter((l) => l.split(',')[split] === 'test')).toHaveLength(39);

      const data = readFileSync(path.join(dir, '01-data.csv'), 'utf8').trimEnd().split('\n');
      expect(data).toHaveLength(151);
      expect(data[0].split(',')).not.toContain('split');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, TIMEOUT);
});

describe('bad input exits 2 with one line on stderr', () => {
  it('a missing file', async () => {
    const line = expectBadInput(await pipelab('run', path.join(tmp, 'no-such-file.json')));
    expect(line).toContain('no-such-file.json');
    expect(line).toContain('no such file');
  }, TIMEOUT);

  it('a file that is not JSON', async () => {
    const line = expectBadInput(await pipelab('run', writeTmp('not-json.json', '{ "format": "pipelab/pipeline", ')));
    expect(line).toContain('not-json.json');
    expect(line).toMatch(/JSON/);
  }, TIMEOUT);

  it('an unknown step kind, naming steps[1].kind', async () => {
    const file = writeTmp(
      'unknown-kind.json',
      spec([
        { id: 'data', kind: 'data.builtin', params: { name: 'iris' } },
        { id: 'model', kind: 'model.magic-forest', params: {} },
      ]),
    );
    const r = await pipelab('run', file);
    const line = expectBadInput(r);
    expect(line).toContain('steps[1].kind');
    expect(line).toContain('model.magic-forest');
    expect(r.stdout).toBe('');
  }, TIMEOUT);

  it('a param out of range, naming steps[1].params.testFraction', async () => {
    const file = writeTmp(
      'bad-param.json',
      spec([
        { id: 'data', kind: 'data.builtin', params: { name: 'iris' } },
        { id: 'split', kind: 'split.train-test', params: { testFraction: 5 } },
      ]),
    );
    const line = expectBadInput(await pipelab('run', file));
    expect(line).toContain('steps[1].params.testFraction');
    expect(line).toContain('5');
  }, TIMEOUT);

  it('--seed=-3 (a negative seed)', async () => {
    const line = expectBadInput(await pipelab('run', IRIS, '--seed=-3'));
    expect(line).toContain('--seed');
    expect(line).toContain('-3');
  }, TIMEOUT);

  it('--seed abc', async () => {
    const line = expectBadInput(await pipelab('run', IRIS, '--seed', 'abc'));
    expect(line).toContain('--seed');
    expect(line).toContain('abc');
  }, TIMEOUT);

  it('--seed 4294967296 (above 2³²−1)', async () => {
    expectBadInput(await pipelab('run', IRIS, '--seed', '4294967296'));
  }, TIMEOUT);

  it('--backend gpu', async () => {
    const line = expectBadInput(await pipelab('run', IRIS, '--backend', 'gpu'));
    expect(line).toContain('--backend');
    expect(line).toContain('gpu');
  }, TIMEOUT);

  it('an unknown command', async () => {
    expect(expectBadInput(await pipelab('frobnicate'))).toContain('frobnicate');
  }, TIMEOUT);

  it('run with no file', async () => {
    expect(expectBadInput(await pipelab('run'))).toContain('FILE');
  }, TIMEOUT);

  it('an unknown flag', async () => {
    expect(expectBadInput(await pipelab('run', IRIS, '--bogus'))).toContain('--bogus');
  }, TIMEOUT);
});

describe('bad input that Node’s argument parser rejects', () => {
  // Known bug: main.ts prints node:util parseArgs' message as is, and for `--seed -3` that
  // message spans three lines. The contract is one line; flip to `it` once main.ts is fixed.
  it('--seed -3 (space-separated) gives one line on stderr', async () => {
    expectBadInput(await pipelab('run', IRIS, '--seed', '-3'));
  }, TIMEOUT);

  it('--seed -3 still exits 2 with a pipelab: message and no stack trace', async () => {
    const r = await pipelab('run', IRIS, '--seed', '-3');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^pipelab: .*--seed/);
    expect(r.stderr).not.toContain('    at ');
    expect(r.stdout).toBe('');
  }, TIMEOUT);
});

describe('pipelab steps', () => {
  it('lists every step kind as text', async () => {
    const r = await pipelab('steps');
    expect(r.code).toBe(0);
    for (const kind of ['data.builtin', 'split.train-test', 'model.mlp-classifier', 'evaluate.regression']) {
      expect(r.stdout).toMatch(new RegExp(`^${kind.replace('.', '\\.')}\\s`, 'm'));
    }
    expect(r.stdout).toContain('--testFraction');
  }, TIMEOUT);

  it('--search keeps the steps found by another name, and prints their keywords', async () => {
    const r = await pipelab('steps', '--search', 'ridge');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^model\.linear-regression\s/m);
    expect(r.stdout).not.toMatch(/^model\.logistic-regression\s/m);
    expect(r.stdout).toMatch(/also known as: .*Ridge/);
    const none = await pipelab('steps', '--search', 'no such thing');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no step matches "no such thing"');
  }, TIMEOUT);

  it('--json prints an array of {kind, params}', async () => {
    const r = await pipelab('steps', '--json');
    expect(r.code).toBe(0);
    const steps = JSON.parse(r.stdout) as { kind: string; params: { [name: string]: { type: string; default: unknown } } }[];
    expect(Array.isArray(steps)).toBe(true);
    const kinds = steps.map((s) => s.kind);
    for (const kind of ['data.builtin', 'split.train-test', 'model.mlp-classifier', 'evaluate.regression']) {
      expect(kinds).toContain(kind);
    }
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const step of steps) expect(typeof step.params).toBe('object');
    const split = steps.find((s) => s.kind === 'split.train-test');
    expect(split?.params.testFraction).toMatchObject({ type: 'number', default: 0.25 });
  }, TIMEOUT);
});

describe('a run that fails at run time exits 1', () => {
  it('a model before any split: the record names the failing step', async () => {
    const file = writeTmp(
      'no-split.json',
      spec([
        { id: 'data', kind: 'data.builtin', params: { name: 'iris' } },
        { id: 'fit', kind: 'model.logistic-regression', params: {} },
      ]),
    );
    const r = await pipelab('run', file, '--json');
    expect(r.code).toBe(1);
    const record = JSON.parse(r.stdout) as RunJson;
    expect(record.status).toBe('failed');
    expect(record.resultHash).toBeNull();
    expect(record.error?.message).toContain('"fit"');
    expect(record.error?.message).toMatch(/split/i);
    expect(record.steps.map((s) => [s.id, s.status])).toEqual([
      ['data', 'done'],
      ['fit', 'failed'],
    ]);
  }, TIMEOUT);

  it('linear regression on a classification target', async () => {
    const file = writeTmp(
      'linreg-iris.json',
      spec([
        { id: 'data', kind: 'data.builtin', params: { name: 'iris' } },
        { id: 'split', kind: 'split.train-test', params: {} },
        { id: 'linear', kind: 'model.linear-regression', params: {} },
      ]),
    );
    const r = await pipelab('run', file, '--json');
    expect(r.code).toBe(1);
    const record = JSON.parse(r.stdout) as RunJson;
    expect(record.status).toBe('failed');
    expect(record.error?.message).toContain('"linear"');
    expect(record.error?.message).toMatch(/classification/);
  }, TIMEOUT);

  it('the summary (no --json) says failed and shows the error', async () => {
    const file = writeTmp(
      'no-split-summary.json',
      spec([
        { id: 'data', kind: 'data.builtin', params: { name: 'iris' } },
        { id: 'fit', kind: 'model.logistic-regression', params: {} },
      ]),
    );
    const r = await pipelab('run', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('test: failed');
    expect(r.stdout).toMatch(/error: .*"fit"/);
  }, TIMEOUT);
});
