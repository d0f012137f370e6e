import { describe, expect, it } from 'vitest';
import type { RunRecord, StepRecord } from '../../src/engine/run-record';
import { relateRun, type NumberedRecord } from '../../src/ui/results/run-relation';
import { GALLERY } from '../../src/ui/gallery/gallery';

const spec = GALLERY.find((g) => g.id === 'iris-logreg')!.spec;

function step(id: string, outputHash: string, status: StepRecord['status'] = 'done'): StepRecord {
  return { id, kind: 'x', status, outputHash, ms: 1 } as StepRecord;
}

function record(over: Partial<RunRecord> & { steps?: StepRecord[] }): RunRecord {
  return {
    spec, seed: 42, configHash: 'c42', resultHash: 'r1', status: 'done', dataHashes: {},
    environment: { backend: 'cpu', floatPrecision: 32, engineVersion: '1' },
    steps: [step('data', 'a'), step('model', 'b')],
    ...over,
  } as unknown as RunRecord;
}

const at = (n: number, r: RunRecord): NumberedRecord => ({ n, record: r });

describe('what a run is to the runs before it', () => {
  it('names the first run as the first result', () => {
    expect(relateRun(at(1, record({})), []).kind).toBe('first');
  });

  it('calls a run with a known result hash identical, bit for bit, and counts cached steps', () => {
    const again = record({ steps: [step('data', 'a', 'cached'), step('model', 'b', 'cached')] });
    const rel = relateRun(at(2, again), [at(1, record({}))]);
    expect(rel.text).toBe('Identical to run #1 (same pipeline, seed and backend — bit for bit)');
    expect([rel.cached, rel.steps]).toEqual([2, 2]);
  });

  it('finds the latest earlier twin, even when runs in between differed', () => {
    const runs = [at(1, record({})), at(2, record({ seed: 7, configHash: 'c7', resultHash: 'r7' })), at(3, record({}))];
    expect(relateRun(at(4, record({})), runs).other).toBe(3);
  });

  it('says what changed since the previous run for a new result', () => {
    const rel = relateRun(at(2, record({ seed: 7, configHash: 'c7', resultHash: 'r7' })), [at(1, record({}))]);
    expect(rel.kind).toBe('new');
    expect(rel.text).toBe('New result: seed changed since run #1');
    const both = record({ seed: 7, configHash: 'x', resultHash: 'r9', environment: { backend: 'wasm', floatPrecision: 32, engineVersion: '1' } as RunRecord['environment'] });
    expect(relateRun(at(3, both), [at(1, record({}))]).text).toBe('New result: seed changed and backend changed since run #1');
  });

  it('reports a different result of the same configuration with the first differing step', () => {
    const odd = record({ resultHash: 'r2', steps: [step('data', 'a'), step('model', 'B')] });
    const rel = relateRun(at(2, odd), [at(1, record({}))]);
    expect(rel.kind).toBe('differs');
    expect(rel.text).toBe('Differs from run #1 although the configuration is the same — first at step model');
  });

  it('compares nothing for a failed run', () => {
    expect(relateRun(at(2, record({ status: 'failed', resultHash: null })), [at(1, record({}))]).kind).toBe('failed');
  });
});
