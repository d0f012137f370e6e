// The sweep form's data: which params can be swept, the values an axis draft stands
// for, and the metrics to rank by. No DOM, no Svelte.
import type { MetricTable } from '../../core/metric-schema';
import type { ParamSchema, ParamValue } from '../../core/params';
import type { PipelineSpec } from '../../core/spec';
import { isSweepable, parseNumberValues, type ValuesMode } from '../../core/sweep-values';
import type { SweepAxis } from '../../engine/sweep';
import type { RunRow } from '../state/run-list';
import { ALL_DESCRIPTIONS, stepCatalog } from '../../steps/catalog';
import { scoredTask, type StepDescription } from '../../core/step-description';
import type { Task } from '../../core/state';
import { orderedMetrics } from '../results/metric-format';

/** One axis as the form holds it: the step and param, and the values typed (numbers) or ticked (choices, booleans). */
export interface AxisDraft {
  stepId: string;
  param: string;
  mode: ValuesMode;
  text: string;
  picked: string[];
}

/** A sweepable param of one step, as the dropdowns list it. */
export interface ParamOption {
  readonly name: string;
  readonly label: string;
  readonly schema: ParamSchema;
}

/** The enabled steps that have at least one sweepable param, with those params. */
export function sweepableSteps(spec: PipelineSpec): { id: string; label: string; params: ParamOption[] }[] {
  return spec.steps
    .filter((s) => s.enabled)
    .map((s) => {
      const d = stepCatalog.describe(s.kind);
      const params = Object.entries(d?.params ?? {})
        .filter(([, schema]) => isSweepable(schema))
        .map(([name, schema]) => ({ name, label: schema.label, schema }));
      return { id: s.id, label: `${d?.label ?? s.kind} · ${s.id}`, params };
    })
    .filter((s) => s.params.length > 0);
}

/** The schema of an axis's param, if the step and param exist. */
export function schemaOf(spec: PipelineSpec, stepId: string, param: string): ParamSchema | undefined {
  const step = spec.steps.find((s) => s.id === stepId);
  return step ? stepCatalog.describe(step.kind)?.params[param] : undefined;
}

/** A fresh draft: a learning rate when one is free, else another param of the step picked last, else the first free param. */
export function newAxisDraft(spec: PipelineSpec, taken: readonly AxisDraft[]): AxisDraft | null {
  const free = sweepableSteps(spec).flatMap((s) => s.params.map((p) => ({ stepId: s.id, param: p.name })))
    .filter((o) => !taken.some((t) => t.stepId === o.stepId && t.param === o.param));
  const last = taken[taken.length - 1]?.stepId;
  const pick = free.find((o) => o.param === 'learningRate') ?? free.find((o) => o.stepId === last) ?? free[0];
  return pick ? { ...pick, mode: 'list', text: '', picked: [] } : null;
}

/** The values an axis draft stands for, or the reason it is not valid yet. */
export function axisValues(spec: PipelineSpec, draft: AxisDraft): { axis: SweepAxis } | { error: string } {
  const schema = schemaOf(spec, draft.stepId, draft.param);
  const path = `${draft.stepId}.${draft.param}`;
  if (!schema || !isSweepable(schema)) return { error: `${path}: pick a parameter of this pipeline that can be swept` };
  try {
    let values: ParamValue[];
    if (schema.type === 'number') values = parseNumberValues(draft.text, draft.mode, schema, path);
    else if (schema.type === 'boolean') values = [true, false].filter((v) => draft.picked.includes(String(v)));
    else values = schema.type === 'choice' ? schema.options.map((o) => o.value).filter((v) => draft.picked.includes(v)) : [];
    if (values.length === 0) return { error: `${path}: tick at least one value` };
    return { axis: { stepId: draft.stepId, param: draft.param, values } };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/**
 * The metrics to rank by: those the pipeline's finished runs report or, before any run, those
 * its evaluate steps declare (when it has none: those of the evaluation that scores its model's task), in display order.
 */
export function metricChoices(spec: PipelineSpec, runs: readonly RunRow[], table?: MetricTable): string[] {
  const seen = runs.filter((r) => r.summary.status === 'done').flatMap((r) => Object.keys(r.summary.metrics));
  if (seen.length) return orderedMetrics(seen, table);
  const declared = (d: StepDescription | undefined) => (d?.metrics ?? []).map((m) => m.name);
  const names = spec.steps.flatMap((s) => declared(stepCatalog.describe(s.kind)));
  return orderedMetrics(names.length ? names : declared(evaluationFor(modelTask(spec))), table);
}

/** The task the pipeline's model serves (classification when it has no model). */
function modelTask(spec: PipelineSpec): Task {
  for (const step of spec.steps) {
    const task = stepCatalog.describe(step.kind)?.model?.task;
    if (task) return task;
  }
  return 'classification';
}

/** The first evaluate step that scores `task`. */
const evaluationFor = (task: Task): StepDescription | undefined => ALL_DESCRIPTIONS.find((d) => scoredTask(d) === task);
