// `npm run bench -- --only replay`: what recording a training replay costs, in Node on the cpu
// backend (the path Auto takes in the browser). For the digits and spiral MLP examples, the same
// run with and without recording, interleaved, median of each: the ratio is the recording's
// cost (goal: under 5 %). Building the replay's frames (grids, metrics) happens after the result
// is shown; its time is reported against the run too. Then the digits MLP with 2,000 epochs:
// what the recording and the built replay hold. Flags: --repeats N (default 9).
import { restorePipeline } from '../src/core/restore';
import type { PipelineSpec } from '../src/core/spec';
import { NODE_RUNTIME, loadNodeTf } from '../src/cli/node-tf';
import { nodeDataSource } from '../src/cli/node-data-source';
import { runPipeline } from '../src/engine/run-pipeline';
import { buildReplay } from '../src/engine/training-replay';
import { stepCatalog } from '../src/steps/catalog';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tf = loadNodeTf();

function example(name: string, epochs?: number): PipelineSpec {
  const spec = restorePipeline(readFileSync(path.join(root, 'examples', `${name}.json`), 'utf8'), stepCatalog);
  if (epochs === undefined) return spec;
  return { ...spec, steps: spec.steps.map((s) => (s.kind.startsWith('model.') ? { ...s, params: { ...s.params, epochs } } : s)) };
}

const run = (spec: PipelineSpec, recordReplay: boolean) => runPipeline(spec, { tf, backend: 'cpu', dataSource: nodeDataSource, runtime: NODE_RUNTIME, recordReplay });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Times one example with and without recording (interleaved) and prints the ratio. */
async function costOf(name: string, repeats: number): Promise<void> {
  const spec = example(name);
  await run(spec, true); // warm-up: kernels compiled, data parsed once
  const plain: number[] = [];
  const recorded: number[] = [];
  const frames: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < repeats; i++) {
    let t = performance.now();
    await run(spec, false);
    plain.push(performance.now() - t);
    t = performance.now();
    const result = await run(spec, true);
    recorded.push(performance.now() - t);
    t = performance.now();
    buildReplay(tf, result.replay!);
    frames.push(performance.now() - t);
    ratios.push(recorded[i] / plain[i] - 1);
  }
  // The median of each pair's ratio: a busy machine's drift hits both runs of a pair alike.
  const [p, r, f, cost] = [median(plain), median(recorded), median(frames), median(ratios)];
  process.stdout.write(
    `${name}: run ${p.toFixed(0)} ms, with recording ${r.toFixed(0)} ms: recording costs ${(100 * cost).toFixed(1)} % (median of ${repeats} paired runs; goal < 5 %); ` +
      `building the replay's frames after the result: ${f.toFixed(0)} ms (${((100 * f) / p).toFixed(0)} % of the run)\n`,
  );
}

/** Prints what the digits MLP's replay holds after 2,000 epochs. */
async function digitsSize(): Promise<void> {
  const t = performance.now();
  const result = await run(example('digits-mlp', 2000), true);
  const replay = buildReplay(tf, result.replay!)!;
  process.stdout.write(
    `digits-mlp, 2,000 epochs (${((performance.now() - t) / 1000).toFixed(1)} s): recording holds ${result.replay!.epochs.length} weight snapshots, ${kb(result.replay!.bytes)}; ` +
      `the built replay ${replay.snapshots.length} snapshots, ${kb(replay.bytes)}\n`,
  );
}

/** Entry point for `--only replay`. */
export async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--repeats');
  const repeats = at >= 0 ? Number(argv[at + 1]) : 9;
  if (!Number.isInteger(repeats) || repeats < 1 || repeats > 200) throw new Error(`--repeats: expected a whole number from 1 to 200, got ${argv[at + 1]}`);
  await tf.setBackend('cpu');
  for (const name of ['digits-mlp', 'spiral-mlp']) await costOf(name, repeats);
  if (!argv.includes('--no-size')) await digitsSize();
}
