import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/hash';
import { pipelab } from './pipelab-process';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pipelab-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const spec = (params: Record<string, unknown>) =>
  JSON.stringify({
    format: 'pipelab/pipeline', version: 1, name: 'imported', seed: 3,
    steps: [
      { id: 'data', kind: 'data.import', params: { target: 'cultivar', ...params } },
      { id: 'split', kind: 'split.train-test' },
      { id: 'scale', kind: 'transform.standardize' },
      { id: 'model', kind: 'model.logistic-regression' },
      { id: 'evaluate', kind: 'evaluate.classification' },
    ],
  });

describe('pipelab run --data FILE', () => {
  it('runs an import step on the given file, the same every time', async () => {
    const file = write('p.json', spec({}));
    const a = await pipelab('run', file, '--data', 'public/datasets/wine.csv', '--json');
    const b = await pipelab('run', file, '--data', 'public/datasets/wine.csv', '--json');
    expect(a.code).toBe(0);
    const ra = JSON.parse(a.stdout);
    expect(ra.metrics.accuracy).toBeGreaterThan(0.9);
    expect(JSON.parse(b.stdout).resultHash).toBe(ra.resultHash);
  });

  it('refuses a file other than the one the pipeline was made with (exit 2, one line)', async () => {
    const file = write('q.json', spec({ hash: 'b'.repeat(64), name: 'wine.csv' }));
    const r = await pipelab('run', file, '--data', 'public/datasets/wine.csv');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/is not the data this pipeline was made with/);
  });

  it('takes a file saved with a UTF-8 byte order mark under the hash the browser gave it (browsers drop the mark)', async () => {
    const wine = readFileSync('public/datasets/wine.csv', 'utf8');
    const data = write('wine-bom.csv', '\uFEFF' + wine);
    const file = write('b.json', spec({ hash: await sha256Hex(wine), name: 'wine-bom.csv' }));
    const r = await pipelab('run', file, '--data', data, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('exits 2 (bad input), in one line naming the line, for a ragged file', async () => {
    const file = write('r.json', spec({}));
    const data = write('ragged.csv', 'a,cultivar\n1,x\n2\n');
    const r = await pipelab('run', file, '--data', data);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/ragged\.csv cannot be read: Line 3 has 1 fields/);
  });

  it('exits 2 for a file with two byte-order marks, a number beyond range, or too many columns, naming the problem', async () => {
    const file = write('s.json', spec({}));
    const cases: [string, string, RegExp][] = [
      ['two-boms.csv', '\uFEFF\uFEFFa,cultivar\n1,x\n2,y\n', /two byte-order marks/],
      ['huge.csv', 'a,cultivar\n1,x\n1e400,y\n', /Column "a", data row 2: 1e400 is beyond the range/],
      ['wide.csv', `${Array.from({ length: 6_000 }, (_, i) => `c${i}`).join(',')},cultivar\n`, /more than 5,000 columns; pipelab reads at most 5,000 columns/],
    ];
    for (const [name, text, message] of cases) {
      const r = await pipelab('run', file, '--data', write(name, text));
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(message);
    }
  });
});
