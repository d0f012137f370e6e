import { loadNodeTf, NODE_RUNTIME } from '../src/cli/node-tf';
import { nodeDataSource } from '../src/cli/node-data-source';
import { useHostSha256 } from '../src/core/hash';
import { createEngineApi } from '../src/worker/engine-api-impl';
import { workloads } from './workloads';
const tf = loadNodeTf();
if (process.argv[4] === 'js') useHostSha256(null);
const api = createEngineApi({ tf, dataSource: nodeDataSource, runtime: NODE_RUNTIME });
await api.init('cpu');
const ids = (process.argv[2] ?? 'cancer-lbfgs').split(',');
const n = Number(process.argv[3] ?? 200);
const q = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1].toFixed(2);
for (const w of workloads(false).filter((x) => ids.includes(x.id))) {
  const page: number[] = [], run: number[] = [];
  for (let i = -5; i < n; i++) {
    const t0 = performance.now();
    const view = structuredClone(await api.run(w.spec, () => undefined, { useCache: false }));
    if (i >= 0) { page.push(performance.now() - t0); run.push(view.record.timings.totalMs); }
  }
  console.log(w.id, 'whole', q(page), 'runPipeline', q(run));
}
