import { locateDivergence, type Divergence } from '../engine/divergence';
import { runPipeline } from '../engine/run-pipeline';
import { RUN_FORMAT, type RunRecord } from '../engine/run-record';
import type { PipelineSpec } from '../core/spec';
import { CliInputError } from './cli-error';
import { EXIT } from './exit-codes';
import { readDocument, restoreFrom } from './load-spec';
import { nodeDataSource } from './node-data-source';
import { NODE_RUNTIME, loadNodeTf } from './node-tf';

/** Options of `pipelab verify`. */
export interface VerifyOptions {
  readonly file: string;
  readonly backend?: string;
  readonly json: boolean;
}

/**
 * Re-runs a run record (on its own backend) or a spec (twice) and checks the
 * result is bit-identical. Exit 0 when it is, 3 when not (naming the first step that differs).
 */
export async function verifyCommand(o: VerifyOptions, print: (text: string) => void): Promise<number> {
  const doc = await readDocument(o.file);
  const isRecord = doc.format === RUN_FORMAT;
  const spec = restoreFrom(o.file, isRecord ? doc.spec : doc);
  const backend = o.backend ?? (isRecord ? String((doc as unknown as RunRecord).environment?.backend) : 'cpu');
  if (backend !== 'cpu' && backend !== 'wasm') {
    throw new CliInputError(`cannot verify on the ${backend} backend here: the CLI has cpu and wasm (a webgl result reproduces only in the browser that made it).`);
  }
  const expected = isRecord ? checkedRecord(o.file, doc) : await runOnce(spec, backend);
  const actual = await runOnce(spec, backend);
  const divergence = locateDivergence({ record: expected }, { record: actual });
  print(o.json ? JSON.stringify({ expected: expected.resultHash, actual: actual.resultHash, ...divergence }, null, 2) : describe(divergence, expected, actual));
  if (actual.status !== 'done') return EXIT.runFailed;
  return divergence.identical ? EXIT.ok : EXIT.notReproduced;
}

function runOnce(spec: PipelineSpec, backend: string): Promise<RunRecord> {
  return runPipeline(spec, { tf: loadNodeTf(), backend, dataSource: nodeDataSource, runtime: NODE_RUNTIME }).then((r) => r.record);
}

function checkedRecord(file: string, doc: Record<string, unknown>): RunRecord {
  const record = doc as unknown as RunRecord;
  if (!Array.isArray(record.steps) || typeof record.metrics !== 'object' || record.metrics === null) {
    throw new CliInputError(`${file}: a run record needs "steps" and "metrics"; it looks truncated.`);
  }
  return record;
}

function describe(d: Divergence, expected: RunRecord, actual: RunRecord): string {
  if (d.identical) return `bit-identical ✓  resultHash ${actual.resultHash}\n  ${actual.spec.name} · seed ${actual.seed} · ${actual.environment.backend}`;
  if (actual.status !== 'done') return `the re-run ${actual.status}: ${actual.error?.message ?? ''}`;
  const lines = ['NOT reproduced ✗'];
  if (d.firstStep) {
    const s = d.firstStep;
    lines.push(`  first differing step: "${s.id}" (${s.kind}), step ${s.index + 1}`);
    lines.push(`    expected outputHash ${s.before ?? '—'}`, `    actual   outputHash ${s.after ?? '—'}`);
  }
  if (!d.firstStep) lines.push('  every step output matches, but the result hash does not: the record was edited or is damaged');
  lines.push(`  resultHash expected ${expected.resultHash ?? '—'}`, `             actual   ${actual.resultHash ?? '—'}`);
  for (const m of d.metricDifferences.filter((x) => x.largest > 0)) lines.push(`  ${m.what} differs by ${m.largest.toExponential(3)}`);
  return lines.join('\n');
}
