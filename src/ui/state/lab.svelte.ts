import { MAX_SEED } from '../../core/prng';
import type { PipelineSpec } from '../../core/spec';
import type { RunView } from '../../engine/run-view';
import type { StepDigest } from '../../engine/step-digest';
import type { StoredRun } from '../../storage/records';
import type { BackendChoice, DataOptions } from '../../worker/engine-api';
import { EnginePool } from '../../worker/engine-pool';
import type { BackendResult, Reproduction, SeedStudy, SeedStudyPoint } from '../lab/lab-types';

/** The backends a comparison runs on, reference first. */
export const COMPARED_BACKENDS = ['cpu', 'wasm', 'webgl'] as const;

/**
 * The reproducibility lab: re-running a stored run on its own backend, seed
 * studies and backend comparisons, each in workers of its own (never using
 * cached step outputs where that would make a check trivially pass).
 */
export class LabState {
  reproduction = $state.raw<Reproduction | null>(null);
  study = $state.raw<SeedStudy | null>(null);
  backends = $state.raw<BackendResult[] | null>(null);
  comparingBackends = $state(false);
  private stopStudy = false;
  /** Finds the texts of the user's files a spec reads (set by the app; none by default). */
  /** Where the worker finds the user's imported files (the app's database name). */
  dataOptions: DataOptions = {};

  constructor(private readonly pool = new EnginePool()) {}

  /** Re-runs a stored run's exact spec on its backend, without any cache, and locates any divergence. */
  async reproduce(run: StoredRun): Promise<void> {
    const record = run.view.record;
    const backend = record.environment.backend as BackendChoice;
    this.reproduction = { runId: run.id, backend, status: 'running', divergence: null, error: null };
    try {
      const { client, info } = await this.pool.get(backend);
      if (info.name !== backend) throw new Error(`the ${backend} backend is not available in this browser`);
      const again = await client.run(record.spec, () => {}, { useCache: false, ...this.dataOptions });
      const { locateDivergence } = await import('../../engine/divergence'); // the lab's code loads when used
      const divergence = locateDivergence({ record, digests: run.view.digests }, { record: again.record, digests: again.digests });
      this.reproduction = { runId: run.id, backend, status: 'done', divergence, error: null };
    } catch (err) {
      this.reproduction = { runId: run.id, backend, status: 'failed', divergence: null, error: (err as Error).message };
    }
  }

  /** Runs the pipeline over `seeds` consecutive seeds, then its own seed `repeats` more times. */
  async seedStudy(spec: PipelineSpec, seeds: number, repeats: number, backend: BackendChoice): Promise<void> {
    this.stopStudy = false;
    const total = seeds + repeats;
    const points: SeedStudyPoint[] = [];
    const base = { baseSeed: spec.seed, seeds, repeats, backend, total, error: null };
    this.study = { ...base, points: [], done: 0, status: 'running' };
    try {
      const { client } = await this.pool.get(backend);
      for (let i = 0; i < total && !this.stopStudy; i++) {
        const sameSeed = i >= seeds;
        const seed = sameSeed ? spec.seed : (spec.seed + i) % (MAX_SEED + 1);
        const view = await client.run({ ...spec, seed }, () => {}, { useCache: !sameSeed, ...this.dataOptions });
        if (view.record.status !== 'done') throw new Error(view.record.error?.message ?? `the run ${view.record.status}`);
        points.push({ seed, repeat: sameSeed ? i - seeds + 1 : 0, sameSeed, metrics: view.record.metrics, resultHash: view.record.resultHash });
        this.study = { ...base, points: [...points], done: points.length, status: 'running' };
      }
      this.study = { ...base, points, done: points.length, status: this.stopStudy ? 'cancelled' : 'done' };
    } catch (err) {
      this.study = { ...base, points, done: points.length, status: this.stopStudy ? 'cancelled' : 'failed', error: this.stopStudy ? null : (err as Error).message };
    }
  }

  /** Stops a seed study after the run in progress. */
  cancelStudy(): void {
    this.stopStudy = true;
    this.pool.cancelAll();
  }

  /** Runs the pipeline on every backend and measures each against cpu. */
  async compareBackends(spec: PipelineSpec): Promise<void> {
    this.comparingBackends = true;
    const results: BackendResult[] = COMPARED_BACKENDS.map((backend) => pending(backend));
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local scratch map, never rendered
    const views = new Map<string, RunView>();
    this.backends = [...results];
    for (const [i, backend] of COMPARED_BACKENDS.entries()) {
      results[i] = { ...results[i], status: 'running' };
      this.backends = [...results];
      results[i] = await this.runOn(spec, backend, views);
      this.backends = [...results];
    }
    const measures = await import('../../engine/divergence');
    this.backends = results.map((r) => measureAgainstCpu(r, views, measures));
    this.comparingBackends = false;
  }

  /** Stops every lab worker. */
  dispose(): void {
    this.pool.dispose();
  }

  private async runOn(spec: PipelineSpec, backend: BackendChoice, views: Map<string, RunView>): Promise<BackendResult> {
    try {
      const { client, info } = await this.pool.get(backend);
      if (info.name !== backend) return { ...pending(backend), status: 'unavailable', error: `${backend} did not start here` };
      const t0 = performance.now();
      const view = await client.run(spec, () => {}, { useCache: false, ...this.dataOptions });
      const ms = performance.now() - t0;
      views.set(backend, view);
      const r = view.record;
      const status = r.status === 'done' ? 'done' : 'failed';
      return { ...pending(backend), status, floatPrecision: r.environment.floatPrecision, metrics: r.metrics, resultHash: r.resultHash, ms, error: r.error?.message ?? null };
    } catch (err) {
      return { ...pending(backend), status: 'unavailable', error: (err as Error).message };
    }
  }
}

function pending(backend: string): BackendResult {
  return { backend, status: 'pending', floatPrecision: null, metrics: {}, resultHash: null, ms: null, maxPredictionDiff: null, metricDiffs: {}, error: null };
}

/** Adds the metric differences and the largest test-prediction difference against the cpu run. */
function measureAgainstCpu(result: BackendResult, views: Map<string, RunView>, { maxAbsDiff, sameRows }: typeof import('../../engine/divergence')): BackendResult {
  const cpu = views.get('cpu');
  const mine = views.get(result.backend);
  if (!cpu || !mine || result.backend === 'cpu') return result;
  const metricDiffs: Record<string, number> = {};
  for (const [name, value] of Object.entries(result.metrics)) if (name in cpu.record.metrics) metricDiffs[name] = value - cpu.record.metrics[name];
  const a = lastPredictions(cpu);
  const b = lastPredictions(mine);
  const comparable = a && b && sameRows(a.testRows, b.testRows);
  return { ...result, metricDiffs, maxPredictionDiff: comparable ? maxAbsDiff(a.testPredictions ?? undefined, b.testPredictions ?? undefined) : null };
}

function lastPredictions(view: RunView): StepDigest | null {
  const digests = view.record.steps.map((s) => view.digests[s.id]).filter((d) => d?.testPredictions);
  return digests.length ? digests[digests.length - 1] : null;
}
