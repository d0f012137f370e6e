// Dev check (`npx tsx bench/lbfgs-probe.ts [datasets] [Cs] [repeats]`, defaults
// iris,breast_cancer  0.1,1,10  30): the L-BFGS logistic-regression core's fit time next to
// scikit-learn's LogisticRegression(solver='lbfgs').fit on the same inputs (the L-BFGS fixture's:
// bundled CSV, test rows = index % 4 == 0, standardised on the training rows), in the same run.
// Fit only: no reading, splitting or predicting on either side. scikit-learn's side runs through
// /usr/bin/python3 (bench/lbfgs_probe.py) when it has scikit-learn; otherwise its column is empty.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fitLogisticLbfgs } from '../src/steps/model/linear/fit-logistic';
import { lbfgsInputs } from '../tests/fixtures/sklearn/lbfgs-inputs';

const datasets = (process.argv[2] ?? 'iris,breast_cancer').split(',');
const cs = (process.argv[3] ?? '0.1,1,10').split(',').map(Number);
const repeats = Number(process.argv[4] ?? 30);
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)];

interface Timing {
  median_ms: number;
  p10_ms: number;
  n_iter: number;
}

function sklearnTimings(): Record<string, Timing> {
  const script = path.join(import.meta.dirname, 'lbfgs_probe.py');
  const run = spawnSync('/usr/bin/python3', [script, datasets.join(','), cs.join(','), String(repeats)], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`scikit-learn side skipped: ${run.error?.message ?? run.stderr.trim().split('\n').pop()}`);
    return {};
  }
  return JSON.parse(run.stdout);
}

function pipelabTimings(): Record<string, Timing> {
  const out: Record<string, Timing> = {};
  for (const name of datasets) {
    const { train } = lbfgsInputs(name);
    for (const C of cs) {
      const problem = { ...train, C };
      const fit = fitLogisticLbfgs(problem);
      const runs: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const t0 = performance.now();
        fitLogisticLbfgs(problem);
        runs.push(performance.now() - t0);
      }
      out[`${name}:${C}`] = { median_ms: quantile(runs, 0.5), p10_ms: quantile(runs, 0.1), n_iter: fit.iterations };
    }
  }
  return out;
}

const mine = pipelabTimings();
const theirs = sklearnTimings();
console.log(`L-BFGS fit only, ${repeats} timed runs each (median, p10 in ms)`);
console.log('case                     iters ts/sk   pipelab med (p10)    sklearn med (p10)    ratio');
for (const [key, t] of Object.entries(mine)) {
  const s = theirs[key];
  const sk = s ? `${s.median_ms.toFixed(2).padStart(8)} (${s.p10_ms.toFixed(2)})` : '      —';
  const ratio = s ? `${(t.median_ms / s.median_ms).toFixed(2)}×` : '—';
  console.log(`${key.padEnd(24)} ${String(t.n_iter).padStart(5)}/${String(s?.n_iter ?? '—').padEnd(5)} ${t.median_ms.toFixed(2).padStart(8)} (${t.p10_ms.toFixed(2)})`.padEnd(60) + `${sk}`.padEnd(22) + ratio);
}
