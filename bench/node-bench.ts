// The Node half of the benchmark: every workload on the cpu and wasm backends, in this process.
import { loadNodeTf, NODE_RUNTIME } from '../src/cli/node-tf';
import { nodeDataSource } from '../src/cli/node-data-source';
import { sha256Hex } from '../src/core/hash';
import type { PipelineSpec } from '../src/core/spec';
import { withUserData } from '../src/engine/data-source';
import { runPipeline } from '../src/engine/run-pipeline';
import { MemoryStepCache } from '../src/engine/step-cache';
import { makeBenchCsv } from './csv-data';
import { timeRepeats, warmUp, type Timing } from './stats';
import { editedLearningRate, importSpec, withLearningRate, type Workload } from './workloads';

/** Timings of one backend: workload id → timing, plus the test accuracy each cold workload reached. */
export interface BackendResult {
  readonly timings: Record<string, Timing>;
  readonly accuracy: Record<string, number>;
}

/** Runs every workload on `backend` in Node. */
export async function benchNode(backend: 'cpu' | 'wasm', list: Workload[], csvMb: number, log: (s: string) => void): Promise<BackendResult> {
  const tf = loadNodeTf();
  const timings: Record<string, Timing> = {};
  const accuracy: Record<string, number> = {};
  const run = async (spec: PipelineSpec, cache?: MemoryStepCache, userData: Record<string, string> = {}) => {
    const { record } = await runPipeline(spec, { tf, backend, dataSource: withUserData(nodeDataSource, userData), runtime: NODE_RUNTIME, cache });
    if (record.status !== 'done') throw new Error(`${spec.name} on ${backend}: ${record.error?.message ?? record.status}`);
    return record;
  };
  await run((list[1] ?? list[0]).spec); // warm-up: backend start and first kernels
  for (const w of list) {
    const repeats = w.repeats; // cpu trains without tensors now: as fast as wasm or faster
    log(`node ${backend}: ${w.id} ×${repeats}`);
    if (w.mode === 'cold') {
      await warmUp(w.warmupMs ?? 0, () => run(w.spec)); // untimed: JIT and caches warm, as for scikit-learn
      timings[w.id] = await timeRepeats(repeats, async () => {
        const record = await run(w.spec);
        accuracy[w.id] = record.metrics.accuracy ?? NaN;
      });
    } else if (w.mode === 'edit') {
      const cache = new MemoryStepCache();
      await run(w.spec, cache);
      timings[w.id] = await timeRepeats(repeats, async (i) => void (await run(withLearningRate(w.spec, editedLearningRate(i)), cache)));
    } else {
      const text = makeBenchCsv(csvMb);
      const importOnce = async () => {
        const hash = await sha256Hex(text);
        await run(importSpec(hash), undefined, { [hash]: text });
      };
      await importOnce(); // untimed, as for every workload: JIT warm on both sides
      timings[w.id] = await timeRepeats(repeats, importOnce);
    }
  }
  return { timings, accuracy };
}

/** The Node import workload once: hash the CSV text and run the import step on it (cpu), as benchNode times it. */
export async function benchNodeImport(text: string): Promise<void> {
  const hash = await sha256Hex(text);
  const { record } = await runPipeline(importSpec(hash), { tf: loadNodeTf(), backend: 'cpu', dataSource: withUserData(nodeDataSource, { [hash]: text }), runtime: NODE_RUNTIME });
  if (record.status !== 'done') throw new Error(`import: ${record.error?.message ?? record.status}`);
}
