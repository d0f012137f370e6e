// Runs bench/sklearn_bench.py with the first Python that has scikit-learn, or reports it absent.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { summarize, type Timing } from './stats';

/** scikit-learn's timings per workload, or why there are none. */
export type SklearnResult =
  | { readonly available: true; readonly python: string; readonly versions: Record<string, string>; readonly timings: Record<string, Timing>; readonly accuracy: Record<string, number> }
  | { readonly available: false; readonly reason: string };

function findPython(): string | null {
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => Boolean(c));
  for (const c of candidates) {
    if (spawnSync(c, ['-c', 'import sklearn, numpy'], { stdio: 'ignore' }).status === 0) return c;
  }
  return null;
}

/** Runs the Python half; `csvFile` is the same 50 MB CSV the other runs import. */
export function runSklearn(root: string, csvFile: string, quick: boolean): SklearnResult {
  const python = findPython();
  if (!python) return { available: false, reason: 'no python3 with scikit-learn and numpy found (set PYTHON=/path/to/python3)' };
  const penguins = path.join(root, 'public/datasets/penguins.json');
  const args = [path.join(root, 'bench/sklearn_bench.py'), path.join(root, 'public/datasets'), penguins, csvFile, quick ? '1' : '0'];
  const out = spawnSync(python, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (out.status !== 0) return { available: false, reason: `sklearn_bench.py failed: ${out.stderr.trim().split('\n').pop()}` };
  const parsed = JSON.parse(out.stdout) as { versions: Record<string, string>; timings: Record<string, number[]>; accuracy: Record<string, number> };
  const timings = Object.fromEntries(Object.entries(parsed.timings).map(([k, v]) => [k, summarize(v)]));
  return { available: true, python, versions: parsed.versions, timings, accuracy: parsed.accuracy };
}
