import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/engine/run-record';
import { pipelab } from './pipelab-process';

const CV = 'examples/iris-cv.json';

describe('pipelab run on a cross-validated pipeline', () => {
  it('prints each metric as mean ± std over the folds and a per-fold table', async () => {
    const r = await pipelab('run', CV);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Test metrics (5-fold cross-validation: mean ± std over the folds):');
    expect(r.stdout).toMatch(/^ {2}accuracy +0\.\d{4} ± 0\.\d{4} {3}\(train 0\.\d{4}\)$/m);
    const table = r.stdout.slice(r.stdout.indexOf('Per fold (test rows):')).split('\n');
    expect(table[1]).toMatch(/^ {2}fold +accuracy +precision +recall +f1 +logLoss$/);
    expect(table.slice(2, 7).map((l) => l.trim().split(/ +/)[0])).toEqual(['1', '2', '3', '4', '5']);
  }, 120_000);

  it('--json carries crossValidation, whose means are the metrics; --out writes a fold column', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pipelab-cv-cli-'));
    try {
      const r = await pipelab('run', CV, '--json', '--out', dir);
      expect(r.code).toBe(0);
      const record = JSON.parse(r.stdout) as RunRecord;
      const cv = record.crossValidation!;
      expect(cv.folds).toBe(5);
      expect(cv.perFold).toHaveLength(5);
      expect(record.metrics).toEqual(cv.mean);
      expect(Object.keys(cv.std)).toEqual(Object.keys(cv.mean));
      const lines = readFileSync(path.join(dir, '02-folds.csv'), 'utf8').trimEnd().split('\n');
      const fold = lines[0].split(',').indexOf('fold');
      expect(fold).toBeGreaterThan(0);
      const counts = [1, 2, 3, 4, 5].map((f) => lines.slice(1).filter((l) => l.split(',')[fold] === String(f)).length);
      expect(counts).toEqual([30, 30, 30, 30, 30]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
