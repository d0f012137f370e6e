// Pure helpers behind the data plot: which columns it can draw, the default pair, which
// rows have both values, and the class counts of the training and test sets.
import type { DataPlot, DataPlotColumn } from '../../engine/data-plot';

/** Histograms drawn at most; the rest are named in a note. */
export const MAX_HISTOGRAMS = 12;

/** The feature columns (every column but the target). */
export function featureColumns(plot: DataPlot): DataPlotColumn[] {
  return plot.columns.filter((c) => c.name !== plot.target);
}

/** The numeric features, the columns a scatter can use as axes. */
export function numericFeatures(plot: DataPlot): string[] {
  return featureColumns(plot).filter((c) => c.type === 'numeric').map((c) => c.name);
}

/** The default pair of scatter axes: the first two numeric features (null when there are fewer than two). */
export function defaultAxes(plot: DataPlot): [string, string] | null {
  const names = numericFeatures(plot);
  return names.length >= 2 ? [names[0], names[1]] : null;
}

/** A column's numeric value per plotted row (NaN where missing or not numeric). */
export function numericValues(plot: DataPlot, name: string): Float64Array {
  const col = plot.columns.find((c) => c.name === name);
  return col?.type === 'numeric' ? col.values : new Float64Array(plot.rows.length).fill(Number.NaN);
}

/** Plotted-row indices with finite x and y, split into training and test rows (all training before a split). */
export function scatterRows(plot: DataPlot, xName: string, yName: string): { train: number[]; test: number[] } {
  const x = numericValues(plot, xName);
  const y = numericValues(plot, yName);
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < plot.rows.length; i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) (plot.isTest?.[i] ? test : train).push(i);
  }
  return { train, test };
}

/** One class's count among the plotted rows, with its training and test share. */
export interface ClassCount {
  readonly name: string;
  readonly total: number;
  readonly train: number;
  readonly test: number;
}

/** The class counts of a categorical target, in class-code order (null for a numeric target or none). */
export function classCounts(plot: DataPlot): ClassCount[] | null {
  const target = plot.columns.find((c) => c.name === plot.target);
  if (target?.type !== 'categorical') return null;
  const counts = target.categories.map((name) => ({ name, total: 0, train: 0, test: 0 }));
  target.codes.forEach((code, i) => {
    const c = counts[code];
    if (!c) return;
    c.total++;
    if (plot.isTest?.[i]) c.test++;
    else c.train++;
  });
  return counts;
}

/** The class name of each plotted row under a categorical target ('' where missing), or null. */
export function classOfRows(plot: DataPlot): string[] | null {
  const target = plot.columns.find((c) => c.name === plot.target);
  if (target?.type !== 'categorical') return null;
  return Array.from(target.codes, (code) => target.categories[code] ?? '');
}

/** Each plotted row's class colour (colors[class code]; grey where missing), or [] without a class target. */
export function classFills(plot: DataPlot, colors: readonly string[]): string[] {
  const target = plot.columns.find((c) => c.name === plot.target);
  if (target?.type !== 'categorical') return [];
  return Array.from(target.codes, (code) => colors[code] ?? '#999999');
}
