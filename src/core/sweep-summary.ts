// Ranking the settings of a sweep: each setting's metric over its seeds, the mean,
// and the best setting. Pure: no DOM, no storage.
import { lowerIsBetterIn, type MetricTable } from './metric-schema';
import type { ParamValue } from './params';

/** What the summary needs of one point of a sweep. */
export interface SweepResult {
  readonly settings: Readonly<Record<string, ParamValue>>;
  readonly seed: number;
  readonly status: string;
  readonly metrics: Readonly<Record<string, number>>;
}

/** One setting (a combination of swept values) over its seeds. */
export interface SettingSummary {
  /** A stable key for the setting (its values as canonical text). */
  readonly key: string;
  readonly settings: Readonly<Record<string, ParamValue>>;
  /** Indices of the setting's points in the grid, in seed order. */
  readonly points: readonly number[];
  /** The metric of each finished seed. */
  readonly values: readonly number[];
  /** The mean over the finished seeds, or null before any finished. */
  readonly mean: number | null;
}

/** The key of a setting: its values in axis order, as JSON. */
export function settingKey(settings: Readonly<Record<string, ParamValue>>): string {
  return JSON.stringify(Object.entries(settings));
}

/** Groups the points by setting (grid order kept) with `metric`'s values and mean over the finished seeds. */
export function summarizeSettings(points: readonly SweepResult[], metric: string): SettingSummary[] {
  const groups = new Map<string, { settings: SweepResult['settings']; points: number[]; values: number[] }>();
  points.forEach((p, i) => {
    const key = settingKey(p.settings);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { settings: p.settings, points: [], values: [] }));
    group.points.push(i);
    const v = p.metrics[metric];
    if (p.status === 'done' && typeof v === 'number' && Number.isFinite(v)) group.values.push(v);
  });
  return [...groups.entries()].map(([key, g]) => ({
    key, settings: g.settings, points: g.points, values: g.values,
    mean: g.values.length ? g.values.reduce((a, b) => a + b, 0) / g.values.length : null,
  }));
}

/** The setting with the best mean (highest, or lowest when `lowerIsBetter`); the first one wins a tie; null when none finished. */
export function bestSetting(summaries: readonly SettingSummary[], lowerIsBetter: boolean): SettingSummary | null {
  let best: SettingSummary | null = null;
  for (const s of summaries) {
    if (s.mean === null) continue;
    if (!best || (lowerIsBetter ? s.mean < (best.mean as number) : s.mean > (best.mean as number))) best = s;
  }
  return best;
}

/** The best setting of a sweep's points by `metric`, its direction read from the metric's declared schema. */
export function bestSettingFor(points: readonly SweepResult[], metric: string, table: MetricTable): SettingSummary | null {
  return bestSetting(summarizeSettings(points, metric), lowerIsBetterIn(table, metric));
}

/** A setting as short text, "learningRate=0.1, l2=0" (param names alone unless two steps share one). */
export function settingLabel(settings: Readonly<Record<string, ParamValue>>): string {
  const keys = Object.keys(settings);
  const short = (k: string) => k.slice(k.indexOf('.') + 1);
  const clash = new Set(keys.map(short)).size < keys.length;
  return keys.map((k) => `${clash ? k : short(k)}=${formatValue(settings[k])}`).join(', ');
}

function formatValue(v: ParamValue): string {
  if (Array.isArray(v)) return v.join(' ');
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  return String(v);
}
