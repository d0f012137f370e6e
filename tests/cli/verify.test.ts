import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, pipelab } from './pipelab-process';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pipelab-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const examples = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.json'));

async function record(example: string, ...flags: string[]): Promise<Record<string, unknown> & { steps: { id: string; outputHash: string }[] }> {
  const r = await pipelab('run', `examples/${example}`, '--json', ...flags);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

function write(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

describe('pipelab verify', () => {
  it.each(examples)('re-runs examples/%s on cpu and finds it bit-identical (exit 0)', async (example) => {
    const r = await pipelab('verify', `examples/${example}`);
    expect(r.stdout).toMatch(/^bit-identical ✓ {2}resultHash [0-9a-f]{64}/);
    expect(r.code).toBe(0);
  });

  it('verifies a stored run record on its own backend (wasm) and exits 0', async () => {
    const file = write('wasm-record.json', await record('iris-logreg.json', '--backend', 'wasm'));
    const r = await pipelab('verify', file);
    expect(r.stdout).toContain('· wasm');
    expect(r.code).toBe(0);
  });

  it('exits 3 for a hand-edited record and names the first differing step', async () => {
    const rec = await record('iris-logreg.json');
    rec.steps[1].outputHash = 'f'.repeat(64);
    const r = await pipelab('verify', write('edited.json', rec));
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('NOT reproduced ✗');
    expect(r.stdout).toContain('first differing step: "split" (split.train-test), step 2');
  });

  it('exits 3 when only the result hash was tampered with, and says so', async () => {
    const rec = await record('iris-logreg.json');
    rec.resultHash = '0'.repeat(64);
    const r = await pipelab('verify', write('tampered.json', rec), '--json');
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ identical: false, firstStep: null, expected: '0'.repeat(64) });
  });

  it('refuses a webgl record with exit 2 and one line that says why', async () => {
    const rec = await record('iris-logreg.json');
    (rec.environment as { backend: string }).backend = 'webgl';
    const r = await pipelab('verify', write('webgl.json', rec));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/reproduces only in the browser/);
  });
});
