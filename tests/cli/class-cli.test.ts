// `pipelab class assignment` and `pipelab class summary` (issue 20), in process through the CLI's main().
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { decodeAssignmentLink } from '../../src/class/assignment';
import { handInCode } from '../../src/class/hand-in';
import { resultUrl } from '../../src/class/result-code';
import { loadExample, run } from '../helpers';

const IRIS = 'examples/iris-logreg.json';
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pipelab-class-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (t) => out.push(t), (t) => err.push(t));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('pipelab class', () => {
  it('assignment prints an assignment link with the options and the cpu result', async () => {
    const r = await cli('class', 'assignment', IRIS, '--free-seed', '--hide-result', '--base', 'https://p.example/');
    expect(r.code, r.err).toBe(0);
    const { payload, assignment } = await decodeAssignmentLink(r.out.trim());
    expect(assignment).toMatchObject({ hideResult: true, seed: 'free' });
    expect(payload.expected?.backend).toBe('cpu');
    expect(r.out.trim().length).toBeLessThanOrEqual(1000);
    expect((await cli('class', 'assignment', IRIS, '--free-seed', '--lock-seed')).code).toBe(2);
  }, 90_000);

  it('summary groups a file of result codes as the board does, with the teacher marked when given the link', async () => {
    const link = (await cli('class', 'assignment', IRIS, '--base', 'https://p.example/')).out.trim();
    const { assignment } = await decodeAssignmentLink(link);
    const { record } = await run(loadExample('iris-logreg'));
    const same = (name: string, at: number) => handInCode(record, assignment!.id, name, at, 'linux')!;
    const odd = { ...same('Cy', 3), backend: 'wasm', resultHash: 'b'.repeat(16), steps: same('Cy', 3).steps.map(([id, h]) => [id, id === 'model' || id === 'evaluate' ? 'c'.repeat(8) : h] as const) };
    const lines = [await resultUrl(same('Ada', 1), 'https://p.example/'), `Bo: ${await resultUrl(same('Bo', 2), 'https://p.example/')}`, await resultUrl(odd, 'https://p.example/'), 'https://p.example/#result=1.broken'];
    const file = path.join(tmp, 'codes.txt');
    writeFileSync(file, lines.join('\n'));
    const r = await cli('class', 'summary', file, '--assignment', link);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("2 identical to the teacher's run ✓");
    expect(r.out).toMatch(/1 differs: wasm, float32 \(Node, Linux\) — first differing step: model/);
    expect(r.out).toContain('Refused (1)');
    const plain = await cli('class', 'summary', file);
    expect(plain.out).toMatch(/^2 identical \(the largest group/);
    expect((await cli('class', 'summary', path.join(tmp, 'missing.txt'))).code).toBe(2);
  }, 120_000);
});
