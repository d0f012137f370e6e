// Dev check (`npx tsx bench/overhead-probe.ts [cpu,wasm] [repeats] [epochs|lbfgs] [datasets]`): what a
// whole logistic-regression run costs besides training. Runs the iris and breast_cancer workloads
// with the model cut to `epochs` (default 1), or with the L-BFGS solver when the third argument is
// "lbfgs" (the bench's iris-lbfgs / cancer-lbfgs specs), and prints the 10th percentile and median
// of the whole run and each step's median (a step's time includes hashing its output), plus the
// result hash. Run it under `node --cpu-prof --import tsx` to see where the time goes.
import { loadNodeTf, NODE_RUNTIME } from '../src/cli/node-tf';
import { nodeDataSource } from '../src/cli/node-data-source';
import { runPipeline } from '../src/engine/run-pipeline';
import { lbfgsSpec, logregSpec } from './workloads';

const tf = loadNodeTf();
const backends = (process.argv[2] ?? 'cpu,wasm').split(',');
const repeats = Number(process.argv[3] ?? 60);
const mode = process.argv[4] ?? '1';
const datasets = (process.argv[5] ?? 'iris,breast_cancer').split(',') as ('iris' | 'breast_cancer')[];
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)];

function specFor(dataset: 'iris' | 'breast_cancer') {
  if (mode === 'lbfgs') return lbfgsSpec(dataset);
  const spec = structuredClone(logregSpec(dataset));
  (spec.steps.find((s) => s.id === 'model')!.params as Record<string, unknown>).epochs = Number(mode);
  return spec;
}

for (const backend of backends) {
  for (const dataset of datasets) {
    const spec = specFor(dataset);
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
