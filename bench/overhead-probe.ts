// Dev check (`npx tsx bench/overhead-probe.ts [cpu,wasm] [repeats] [epochs]`): what a whole
// logistic-regression run costs besides training. Runs the iris and breast_cancer workloads with
// the model cut to `epochs` (default 1) and prints the 10th percentile and median of the whole
// run and each step's median (a step's time includes hashing its output), plus the result hash.
import { loadNodeTf, NODE_RUNTIME } from '../src/cli/node-tf';
import { nodeDataSource } from '../src/cli/node-data-source';
import { runPipeline } from '../src/engine/run-pipeline';
import { logregSpec } from './workloads';

const tf = loadNodeTf();
const backends = (process.argv[2] ?? 'cpu,wasm').split(',');
const repeats = Number(process.argv[3] ?? 60);
const epochs = Number(process.argv[4] ?? 1);
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)];

for (const backend of backends) {
  for (const dataset of ['iris', 'breast_cancer'] as const) {
    const spec = structuredClone(logregSpec(dataset));
    (spec.steps.find((s) => s.id === 'model')!.params as Record<string, unknown>).epochs = epochs;
    const totals: number[] = [];
    const steps: Record<string, number[]> = {};
    let hash = '';
    for (let i = -3; i < repeats; i++) {
      const t0 = performance.now();
      const { record } = await runPipeline(spec, { tf, backend, dataSource: nodeDataSource, runtime: NODE_RUNTIME });
      const ms = performance.now() - t0;
      hash = record.resultHash ?? `failed: ${record.error?.message}`;
      if (i < 0) continue; // warm-up
      totals.push(ms);
      for (const s of record.steps) (steps[s.id] ??= []).push(s.ms);
    }
    const perStep = Object.entries(steps).map(([id, ms]) => `${id} ${quantile(ms, 0.5).toFixed(2)}`).join(', ');
    console.log(`${backend} ${dataset}: p10 ${quantile(totals, 0.1).toFixed(2)} ms, median ${quantile(totals, 0.5).toFixed(2)} ms (steps: ${perStep}) ${hash.slice(0, 16)}`);
  }
}
