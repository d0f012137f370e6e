// Pure statistics behind the seed study panel: per metric, the spread over seeds and the same-seed repeats.
import { orderedMetrics } from '../results/metric-format';
import type { SeedStudyPoint } from './lab-types';

/** One metric across a seed study: the sweep's values and spread, and what repeating the same seed gave. */
export interface MetricSpread {
  readonly metric: string;
  /** The seed sweep's values (repeat 0, not a same-seed repeat), in point order. */
  readonly values: readonly number[];
  readonly mean: number;
  /** Population standard deviation of `values`. */
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** The values of the runs that repeat the pipeline's own seed. */
  readonly sameSeedValues: readonly number[];
  /** How many different values the same-seed repeats gave (1 when the run is reproducible). */
  readonly sameSeedDistinct: number;
}

/** One dot of the seed sweep: which seed gave which value. */
export interface SeedValue {
  readonly seed: number;
  readonly value: number;
}

/** Number of different values (NaN counts once). */
export function distinctCount(values: readonly number[]): number {
  return new Set(values).size;
}

/** Whether a point belongs to the seed sweep rather than to the repeats of the pipeline's own seed. */
function inSweep(p: SeedStudyPoint): boolean {
  return !p.sameSeed && p.repeat === 0;
}

/** The metric's value in a point, or undefined when the point lacks it. */
function valueOf(p: SeedStudyPoint, metric: string): number | undefined {
  const v = p.metrics[metric];
  return typeof v === 'number' ? v : undefined;
}

/** The sweep's (seed, value) pairs for one metric, in point order; points lacking the metric are left out. */
export function sweepValues(points: readonly SeedStudyPoint[], metric: string): SeedValue[] {
  const out: SeedValue[] = [];
  for (const p of points) {
    const value = valueOf(p, metric);
    if (inSweep(p) && value !== undefined) out.push({ seed: p.seed, value });
  }
  return out;
}

/** Metric names of the points: the declared ones in their order, then the rest alphabetically. */
export function studyMetrics(points: readonly SeedStudyPoint[]): string[] {
  return orderedMetrics(points.flatMap((p) => Object.keys(p.metrics)));
}

/** Mean and population standard deviation; NaN for no values. */
function meanStd(values: readonly number[]): { mean: number; std: number } {
  if (values.length === 0) return { mean: NaN, std: NaN };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

/** For each metric of the study (known metrics first, in the usual order), the spread over seeds and the same-seed repeats. */
export function spreadByMetric(points: readonly SeedStudyPoint[]): MetricSpread[] {
  return studyMetrics(points).map((metric) => {
    const values = sweepValues(points, metric).map((s) => s.value);
    const sameSeedValues = points.filter((p) => p.sameSeed).map((p) => valueOf(p, metric)).filter((v): v is number => v !== undefined);
    const { mean, std } = meanStd(values);
    return {
      metric,
      values,
      mean,
      std,
      min: values.length ? Math.min(...values) : NaN,
      max: values.length ? Math.max(...values) : NaN,
      sameSeedValues,
      sameSeedDistinct: distinctCount(sameSeedValues),
    };
  });
}
