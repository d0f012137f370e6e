// Which part of a spec the data plot runs: light enough for the page to import (no engine).
import type { PipelineSpec } from '../core/spec';
import { stepCatalog } from '../steps/catalog';

/** The leading part of a spec the data plot needs: up to its first enabled split, or its leading data steps. */
export function dataPlotSpec(spec: PipelineSpec): PipelineSpec | null {
  const category = (i: number) => stepCatalog.describe(spec.steps[i].kind)?.category;
  const splitAt = spec.steps.findIndex((s, i) => s.enabled !== false && category(i) === 'split');
  const firstModel = spec.steps.findIndex((_, i) => category(i) === 'model');
  let end = splitAt >= 0 && (firstModel < 0 || splitAt < firstModel) ? splitAt + 1 : 0;
  if (end === 0) while (end < spec.steps.length && category(end) === 'data') end++;
  return end > 0 ? { ...spec, steps: spec.steps.slice(0, end) } : null;
}
