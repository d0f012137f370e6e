// `pipelab export python|notebook FILE [--out PATH]` as a user runs it: `node bin/pipelab.js …`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelab } from './pipelab-process';

const IRIS = 'examples/iris-logreg.json';
const TIMEOUT = 90_000;
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pipelab-export-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('pipelab export', () => {
  it('writes a notebook with --out', async () => {
    const out = path.join(tmp, 'iris.ipynb');
    const r = await pipelab('export', 'notebook', IRIS, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`Wrote ${out}`);
    const nb = JSON.parse(readFileSync(out, 'utf8')) as { nbformat: number; nbformat_minor: number; cells: { cell_type: string; source: string[] }[] };
    expect([nb.nbformat, nb.nbformat_minor]).toEqual([4, 5]);
    const code = nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join('')).join('\n');
    expect(code).toContain('load_iris()');
    expect(code).toMatch(/^test_idx = np\.array\(\[$/m);
  }, TIMEOUT);

  it('prints the Python script to standard output without --out', async () => {
    const r = await pipelab('export', 'python', IRIS);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# Pipeline: Iris/);
    expect(r.stdout).toContain('model.fit(X_train, y_train)');
  }, TIMEOUT);

  it('prints its own usage with --help', async () => {
    const r = await pipelab('export', '--help');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('pipelab export python|notebook FILE [--out PATH]');
  }, TIMEOUT);

  it.each([
    [['export', 'pdf', IRIS], /export: expected "python" or "notebook", got "pdf"/],
    [['export', 'notebook'], /export: expected python\|notebook and one FILE, got 1 arguments/],
    [['export', 'notebook', 'missing.json'], /Cannot read missing\.json: no such file/],
    [['export', 'notebook', 'examples/iris-cv.json'], /examples\/iris-cv\.json cannot be exported: .*cross-validation/],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const r = await pipelab(...args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  }, TIMEOUT);
});
