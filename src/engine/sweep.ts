import { SpecError } from '../core/errors';
import { validateParam, type ParamValue } from '../core/params';
import { MAX_SEED } from '../core/prng';
import type { PipelineSpec } from '../core/spec';
import { stepCatalog } from '../steps/catalog';

/** One swept parameter: which step, which param, and the values to try. */
export interface SweepAxis {
  readonly stepId: string;
  readonly param: string;
  readonly values: readonly ParamValue[];
}

/** One point of a sweep grid: the values it sets and the seed it runs with. */
export interface SweepPoint {
  readonly settings: Readonly<Record<string, ParamValue>>;
  readonly seed: number;
  readonly spec: PipelineSpec;
}

/** The most runs a sweep may ask for. */
export const MAX_SWEEP_RUNS = 1000;

/**
 * Expands axes × seeds into the grid of specs to run (axes in order, seeds
 * innermost: the pipeline's seed, then the next ones). Every value is checked
 * against its param's schema; errors name the step and param.
 */
export function sweepGrid(spec: PipelineSpec, axes: readonly SweepAxis[], seeds: number): SweepPoint[] {
  for (const axis of axes) checkAxis(spec, axis);
  if (!Number.isInteger(seeds) || seeds < 1) throw new SpecError('seeds', 'a whole number of seeds, at least 1', String(seeds));
  const total = axes.reduce((n, a) => n * a.values.length, 1) * seeds;
  if (total > MAX_SWEEP_RUNS) throw new SpecError('sweep', `at most ${MAX_SWEEP_RUNS} runs`, `${total} runs`);
  let combos: Record<string, ParamValue>[] = [{}];
  for (const axis of axes) combos = combos.flatMap((c) => axis.values.map((v) => ({ ...c, [`${axis.stepId}.${axis.param}`]: v })));
  return combos.flatMap((settings) =>
    Array.from({ length: seeds }, (_, i) => {
      const seed = (spec.seed + i) % (MAX_SEED + 1);
      const steps = spec.steps.map((s) => {
        const params = { ...s.params };
        for (const [key, v] of Object.entries(settings)) if (key.startsWith(`${s.id}.`)) params[key.slice(s.id.length + 1)] = v;
        return { ...s, params };
      });
      return { settings, seed, spec: { ...spec, seed, steps } };
    }),
  );
}

function checkAxis(spec: PipelineSpec, axis: SweepAxis): void {
  const where = `${axis.stepId}.${axis.param}`;
  const step = spec.steps.find((s) => s.id === axis.stepId);
  if (!step) throw new SpecError(where, `a step id of this pipeline (${spec.steps.map((s) => s.id).join(', ')})`, `"${axis.stepId}"`);
  const schema = stepCatalog.describe(step.kind)?.params[axis.param];
  if (!schema) throw new SpecError(where, `a parameter of ${step.kind}`, `"${axis.param}"`);
  if (axis.values.length === 0) throw new SpecError(where, 'at least one value', 'none');
  axis.values.forEach((v, i) => validateParam(schema, v, `${where}[${i}]`));
}
