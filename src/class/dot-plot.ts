import type { BoardSummary } from './board-groups';

/** One student's dot: where on the axis (0..1), which stack row, and whether they match the teacher. */
export interface Dot {
  readonly name: string;
  readonly value: number;
  readonly x: number;
  readonly row: number;
  readonly identical: boolean;
}

/** The dot plot of the headline metric: one dot per student, equal values stacked, the teacher's value on the same axis. */
export interface DotPlot {
  readonly metric: string;
  readonly min: number;
  readonly max: number;
  readonly dots: readonly Dot[];
  /** The teacher's value's position (0..1), or null without a teacher run. */
  readonly teacherX: number | null;
  readonly teacherValue: number | null;
  readonly rows: number;
}

/** Lays out the dot plot (null when no student has the metric). Values within 1e-9 of the range's width share a stack. */
export function dotPlot(summary: BoardSummary, teacherMetrics: Readonly<Record<string, number>> | null): DotPlot | null {
  const metric = summary.metric;
  if (!metric) return null;
  const identical = new Set(summary.groups.filter((g) => g.kind === 'teacher' || g.kind === 'reference').flatMap((g) => g.codes));
  const points = summary.students.filter((c) => Number.isFinite(c.metrics[metric])).map((c) => ({ code: c, value: c.metrics[metric] }));
  if (!points.length) return null;
  const teacherValue = teacherMetrics && Number.isFinite(teacherMetrics[metric]) ? teacherMetrics[metric] : null;
  const all = points.map((p) => p.value).concat(teacherValue === null ? [] : [teacherValue]);
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (max - min < 1e-12) [min, max] = [min - 0.01, max + 0.01];
  const at = (v: number) => (v - min) / (max - min);
  const stacks = new Map<number, number>();
  const dots = points
    .sort((a, b) => a.value - b.value || a.code.name.localeCompare(b.code.name))
    .map(({ code, value }) => {
      const slot = Math.round(at(value) * 200);
      const row = stacks.get(slot) ?? 0;
      stacks.set(slot, row + 1);
      return { name: code.name, value, x: at(value), row, identical: identical.has(code) };
    });
  return { metric, min, max, dots, teacherX: teacherValue === null ? null : at(teacherValue), teacherValue, rows: Math.max(1, ...stacks.values()) };
}
