// Dev check (`npx tsx bench/example-hashes.ts wasm|cpu`): every example's result hash, to compare before and after an engine change.
import { readdirSync, readFileSync } from 'node:fs';
import { loadNodeTf, NODE_RUNTIME } from '../src/cli/node-tf';
import { nodeDataSource } from '../src/cli/node-data-source';
import { restorePipeline } from '../src/core/restore';
import { runPipeline } from '../src/engine/run-pipeline';
import { stepCatalog } from '../src/steps/catalog';
const tf = loadNodeTf();
const backend = process.argv[2] ?? 'wasm';
for (const f of readdirSync('examples').sort()) {
  const spec = restorePipeline(JSON.parse(readFileSync(`examples/${f}`, 'utf8')), stepCatalog);
  const t0 = performance.now();
  const { record } = await runPipeline(spec, { tf, backend, dataSource: nodeDataSource, runtime: NODE_RUNTIME });
  console.log(backend, f, record.resultHash, Math.round(performance.now() - t0), 'ms');
}
