// `pipelab share` and `pipelab run` on links and bundles (issue 6), as a user runs them: `node bin/pipelab.js …`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/engine/run-record';
import { bundleText, collectBundle } from '../../src/share/bundle';
import { decodeShare } from '../../src/share/link-codec';
import { createPipeline, savePipelineSpec } from '../../src/storage/pipelines-repo';
import { recordVersion } from '../../src/storage/versions-repo';
import { GOLDEN } from '../fixtures/golden';
import { loadExample, run } from '../helpers';
import { freshDb } from '../storage/helpers';
import { pipelab, type CliResult } from './pipelab-process';

const IRIS = 'examples/iris-logreg.json';
const TIMEOUT = 90_000;
let tmp: string;

/** Writes a file into this run's temporary folder and returns its path. */
function writeTmp(name: string, text: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

/** Asserts a bad-input failure: exit 2, exactly one "pipelab: …" line on stderr, no stack trace. */
function badInputLine(r: CliResult): string {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toContain('    at ');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pipelab-share-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('pipelab share and run with a link', () => {
  let link: string;
  let fromFile: RunRecord;

  beforeAll(async () => {
    const [shared, ran] = await Promise.all([pipelab('share', IRIS), pipelab('run', IRIS, '--json')]);
    expect(shared.code, shared.stderr).toBe(0);
    expect(ran.code, ran.stderr).toBe(0);
    link = shared.stdout.trimEnd();
    fromFile = JSON.parse(ran.stdout) as RunRecord;
  }, TIMEOUT);

  it('share prints one URL line on the app address', async () => {
    expect(link.split('\n')).toHaveLength(1);
    expect(link.startsWith('http://localhost:4173/#share=1.')).toBe(true);
    const payload = await decodeShare(link);
    expect(payload.spec).toEqual(loadExample('iris-logreg'));
    expect(payload.expected?.resultHash).toBe(GOLDEN['iris-logreg'].resultHash);
    expect(payload.expected?.backend).toBe('cpu');
  });

  it('run on the link gives the same resultHash as run on the file', async () => {
    const r = await pipelab('run', link, '--json');
    expect(r.code, r.stderr).toBe(0);
    const fromLink = JSON.parse(r.stdout) as RunRecord;
    expect(fromLink.spec).toEqual(fromFile.spec);
    expect(fromLink.resultHash).toBe(fromFile.resultHash);
    expect(fromLink.resultHash).toBe(GOLDEN['iris-logreg'].resultHash);
  }, TIMEOUT);

  it("share on a run record carries that record's result (it does not run again)", async () => {
    const recordFile = writeTmp('iris-run.json', JSON.stringify(fromFile, null, 2));
    const r = await pipelab('share', recordFile);
    expect(r.code, r.stderr).toBe(0);
    const payload = await decodeShare(r.stdout.trim());
    expect(payload.spec).toEqual(fromFile.spec);
    const e = fromFile.environment;
    expect(payload.expected).toEqual({
      resultHash: fromFile.resultHash, backend: e.backend, floatPrecision: e.floatPrecision, tfjsVersion: e.tfjsVersion,
      appVersion: e.appVersion, engineVersion: e.engineVersion, metrics: fromFile.metrics,
    });
    // A record whose result differs from what a fresh run would give: the link must carry the record's.
    const marked = { ...fromFile, resultHash: 'ab'.repeat(32), metrics: { accuracy: 0.5 } };
    const m = await pipelab('share', writeTmp('marked-run.json', JSON.stringify(marked)));
    expect(m.code, m.stderr).toBe(0);
    expect((await decodeShare(m.stdout.trim())).expected).toMatchObject({ resultHash: 'ab'.repeat(32), metrics: { accuracy: 0.5 } });
  }, TIMEOUT);

  it('share on a run record with a damaged result exits 2 with one line, and never prints a link that cannot be opened', async () => {
    const noEnvironment = { ...fromFile, environment: undefined };
    const badHash = { ...fromFile, resultHash: 'not-a-hash' };
    for (const [name, record] of [['no-env.json', noEnvironment], ['bad-hash.json', badHash]] as const) {
      const line = badInputLine(await pipelab('share', writeTmp(name, JSON.stringify(record))));
      expect(line, name).toMatch(/^pipelab: /);
    }
  }, TIMEOUT);

  it('run on a damaged link exits 2 with one line saying the link cannot be opened', async () => {
    const damaged = [link.slice(0, Math.floor(link.length / 2)), link.replace('#share=1.', '#share=1.!'), `${link.slice(0, -12)}`];
    for (const bad of damaged) {
      const line = badInputLine(await pipelab('run', bad, '--json'));
      expect(line.startsWith('pipelab: The link cannot be opened'), line).toBe(true);
    }
    const newer = badInputLine(await pipelab('run', link.replace('#share=1.', '#share=2.')));
    expect(newer).toMatch(/^pipelab: The link cannot be opened: .*newer pipelab/);
  }, TIMEOUT);
});

describe('pipelab run on a bundle file', () => {
  it('runs the head pipeline of the bundle', async () => {
    const { db } = freshDb('share-cli');
    const spec = loadExample('iris-logreg');
    const p = await createPipeline(db, spec, 'tab-a');
    await recordVersion(db, p.id, spec, 'run');
    const head = { ...spec, name: 'Iris, seed 7', seed: 7 };
    await savePipelineSpec(db, p.id, head, p.rev, 'tab-a');
    const file = writeTmp('iris.pipelab.json', bundleText(await collectBundle(db, p.id)));
    db.close();
    const [r, expected] = await Promise.all([pipelab('run', file, '--json'), run(head)]);
    expect(r.code, r.stderr).toBe(0);
    const record = JSON.parse(r.stdout) as RunRecord;
    expect(record.spec).toEqual(head);
    expect(record.seed).toBe(7);
    expect(record.resultHash).toBe(expected.record.resultHash);
  }, TIMEOUT);

  it('a bundle with an unknown step kind exits 2 naming the field', async () => {
    const bundle = {
      format: 'pipelab/bundle', version: 1,
      pipeline: { id: 'p1', name: 'x', spec: { ...loadExample('iris-logreg'), steps: [{ id: 'a', kind: 'data.evil', params: {}, enabled: true }] } },
      versions: [], runs: [], datasets: [], models: [],
    };
    const line = badInputLine(await pipelab('run', writeTmp('evil.pipelab.json', JSON.stringify(bundle))));
    expect(line).toMatch(/^pipelab: .*steps\[0\]\.kind/);
  }, TIMEOUT);
});
