import type { PipelineSpec } from '../../src/core/spec';
import { exportPython } from '../../src/share/python-export';
import { doc, run, spec } from '../helpers';
import { requireSklearn, runScripts } from '../share/python-run';

/** Test metrics of one pipeline as pipelab computed them and as its exported Python script did. */
export interface ExportedMetrics {
  readonly pipelab: Record<string, number>;
  readonly python: Record<string, number | null>;
}

/** Runs each pipeline (bundled data, a split step with id "split") in pipelab, exports it, runs the scripts with scikit-learn. */
export async function runExported(pipelines: Readonly<Record<string, unknown[]>>): Promise<Record<string, ExportedMetrics>> {
  requireSklearn();
  const scripts: Record<string, string> = {};
  const ours: Record<string, Record<string, number>> = {};
  for (const [name, steps] of Object.entries(pipelines)) {
    const s: PipelineSpec = spec(doc(steps));
    const { record, outputs } = await run(s);
    if (record.status !== 'done') throw new Error(`${name}: pipelab's run failed: ${record.error?.message}`);
    const split = outputs.find((o) => o.stepId === 'split')?.state.split;
    if (!split) throw new Error(`${name}: no split`);
    scripts[name] = exportPython(s, { testRows: [...split.test], dataCsv: null });
    ours[name] = { ...record.metrics } as Record<string, number>;
  }
  const python = runScripts(scripts);
  return Object.fromEntries(Object.keys(pipelines).map((name) => [name, { pipelab: ours[name], python: python[name].test }]));
}
