import { readFile } from 'node:fs/promises';
import { assignmentId, assignmentUrl, decodeAssignmentLink, type SeedMode } from '../class/assignment';
import { groupBoard, type BoardAssignment, type TeacherResult } from '../class/board-groups';
import { readCodes } from '../class/board-intake';
import { boardText } from '../class/board-text';
import { decodeResultCode } from '../class/result-code';
import { runPipeline } from '../engine/run-pipeline';
import type { RunRecord } from '../engine/run-record';
import { versionHash } from '../engine/fingerprint';
import type { PipelineSpec } from '../core/spec';
import { sharedResult } from '../share/share-payload';
import { CliInputError } from './cli-error';
import { EXIT } from './exit-codes';
import { loadSpecFile } from './load-spec';
import { nodeDataSource } from './node-data-source';
import { NODE_RUNTIME, loadNodeTf } from './node-tf';
import { DEFAULT_BASE } from './share-command';

/** Options of `pipelab class assignment`. */
export interface AssignmentCliOptions {
  readonly file: string;
  readonly seed: SeedMode;
  readonly hideResult: boolean;
  readonly base?: string;
}

/** Prints an assignment link for a pipeline, with its cpu result (run here) so the board can mark the teacher's group. */
export async function classAssignmentCommand(o: AssignmentCliOptions, print: (t: string) => void, now = Date.now()): Promise<number> {
  const spec = await loadSpecFile(o.file);
  const record = await runOnCpu(spec);
  if (record.status !== 'done') {
    print(`The pipeline failed, so no assignment was made: ${record.error?.message ?? ''}`);
    return EXIT.runFailed;
  }
  const id = await assignmentId(record.versionHash, o.hideResult, o.seed, now);
  print(await assignmentUrl({ spec, expected: sharedResult(record), data: [] }, { id, hideResult: o.hideResult, seed: o.seed }, o.base ?? DEFAULT_BASE));
  return EXIT.ok;
}

/** Options of `pipelab class summary`. */
export interface SummaryCliOptions {
  readonly file: string;
  /** The assignment link: its pipeline is run on cpu to mark the teacher's group; without it the largest group is the reference. */
  readonly assignment?: string;
  readonly json: boolean;
}

/** Prints the board's grouping of a file of result codes (one per line), as the Class view shows it. */
export async function classSummaryCommand(o: SummaryCliOptions, print: (t: string) => void): Promise<number> {
  let text: string;
  try {
    text = await readFile(o.file, 'utf8');
  } catch (err) {
    throw new CliInputError(`${o.file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  const assignment = o.assignment ? await fromLink(o.assignment) : await fromCodes(text);
  if (!assignment) throw new CliInputError(`${o.file}: it holds no valid result code (one "…#result=1.…" link per line).`);
  const { codes, refused } = await readCodes(text, assignment.id);
  const summary = groupBoard(assignment, codes);
  print(o.json ? JSON.stringify({ assignment: assignment.id, ...summary, refused }, null, 2) : boardText(summary, refused));
  return EXIT.ok;
}

async function runOnCpu(spec: PipelineSpec): Promise<RunRecord> {
  return (await runPipeline(spec, { tf: loadNodeTf(), backend: 'cpu', dataSource: nodeDataSource, runtime: NODE_RUNTIME })).record;
}

async function fromLink(link: string): Promise<BoardAssignment> {
  const { payload, assignment } = await decodeAssignmentLink(link).catch((err: Error) => {
    throw new CliInputError(`--assignment: ${err.message}`);
  });
  if (!assignment) throw new CliInputError('--assignment: this is a share link, not an assignment link (it has no assignment options).');
  const record = await runOnCpu(payload.spec);
  const teacher: TeacherResult | null = record.resultHash
    ? { resultHash: record.resultHash, backend: 'cpu', precision: 32, metrics: record.metrics, steps: record.steps.filter((s) => s.outputHash).map((s) => [s.id, s.outputHash as string] as const) }
    : null;
  return { id: assignment.id, name: payload.spec.name, versionHash: await versionHash(payload.spec), seed: payload.spec.seed, seedMode: assignment.seed, teacher };
}

/** Without the link: the assignment most codes name, its most common pipeline version and seed. */
async function fromCodes(text: string): Promise<BoardAssignment | null> {
  const decoded = [];
  for (const line of text.split(/\r?\n/).filter((l) => l.includes('result='))) {
    const token = line.trim().split(/\s+/).find((w) => w.includes('result=')) ?? line;
    decoded.push(await decodeResultCode(token).catch(() => null));
  }
  const codes = decoded.filter((c) => c !== null);
  const id = mostCommon(codes.map((c) => c.assignment));
  if (id === undefined) return null;
  const own = codes.filter((c) => c.assignment === id);
  return { id, name: 'the assignment', versionHash: mostCommon(own.map((c) => c.versionHash)) ?? '', seed: mostCommon(own.map((c) => c.seed)) ?? 0, seedMode: 'locked', teacher: null };
}

function mostCommon<T>(items: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
