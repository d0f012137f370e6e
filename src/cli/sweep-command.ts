import { SpecError } from '../core/errors';
import type { ParamValue } from '../core/params';
import { runPipeline } from '../engine/run-pipeline';
import { MemoryStepCache } from '../engine/step-cache';
import { sweepGrid, type SweepAxis } from '../engine/sweep';
import { CliInputError } from './cli-error';
import { EXIT } from './exit-codes';
import { loadSpecFile } from './load-spec';
import { nodeDataSource } from './node-data-source';
import { NODE_RUNTIME, loadNodeTf } from './node-tf';

/** Options of `pipelab sweep`. */
export interface SweepOptions {
  readonly file: string;
  readonly params: readonly string[];
  readonly seeds?: string;
  readonly backend?: string;
  readonly json: boolean;
}

/** Runs a grid of param values × seeds headless (unchanged steps come from the cache) and prints one line per run. */
export async function sweepCommand(o: SweepOptions, print: (text: string) => void): Promise<number> {
  const spec = await loadSpecFile(o.file);
  const seeds = o.seeds === undefined ? 1 : Number(o.seeds);
  const backend = o.backend ?? 'cpu';
  if (backend !== 'cpu' && backend !== 'wasm') throw new CliInputError(`--backend: expected cpu or wasm, got "${backend}".`);
  let grid;
  try {
    grid = sweepGrid(spec, o.params.map(parseAxis), seeds);
  } catch (err) {
    if (err instanceof SpecError) throw new CliInputError(`sweep: ${err.message}`);
    throw err;
  }
  const cache = new MemoryStepCache(256);
  const results = [];
  let failed = 0;
  for (const point of grid) {
    const { record } = await runPipeline(point.spec, { tf: loadNodeTf(), backend, dataSource: nodeDataSource, runtime: NODE_RUNTIME, cache });
    if (record.status !== 'done') failed++;
    results.push({ settings: point.settings, seed: point.seed, status: record.status, metrics: record.metrics, resultHash: record.resultHash });
    if (!o.json) print(line(point.settings, point.seed, record.metrics, record.resultHash, record.status));
  }
  if (o.json) print(JSON.stringify(results, null, 2));
  return failed ? EXIT.runFailed : EXIT.ok;
}

/** Parses `STEP.PARAM=V1,V2,…` (numbers, true/false, or choice names; lists as 16;8). */
export function parseAxis(text: string): SweepAxis {
  const m = /^([^.=]+)\.([^=]+)=(.+)$/.exec(text);
  if (!m) throw new CliInputError(`--param: expected STEP.PARAM=V1,V2,… (e.g. model.learningRate=0.01,0.1), got "${text}".`);
  return { stepId: m[1], param: m[2], values: m[3].split(',').map(parseValue) };
}

function parseValue(text: string): ParamValue {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (t.includes(';')) return t.split(';').map(Number);
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
}

function line(settings: Record<string, ParamValue>, seed: number, metrics: Record<string, number>, hash: string | null, status: string): string {
  const set = Object.entries(settings).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(';') : v}`).join(' ');
  const score = Object.entries(metrics).slice(0, 2).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(' ');
  return `${set} seed=${seed}  ${status === 'done' ? score : status}  ${hash ? hash.slice(0, 12) : '—'}`;
}
