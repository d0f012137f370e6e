import { EMPTY_STATE, type PipelineState } from '../../core/state';
import type { StepSpec } from '../../core/spec';
import { columnLength, isMissing, makeTable, type Column, type Table } from '../../core/table';
import { findStep } from '../../steps/registry';
import type { StepDefinition } from '../../steps/step';
import type { RunResult } from '../run-pipeline';
import { RawInputError } from './raw-table';

/** One step of the latest run between its data and its model: its spec, code, and the states around it. */
export interface FittedStep {
  readonly spec: StepSpec;
  readonly definition: StepDefinition;
  readonly input: PipelineState;
  readonly output: PipelineState;
}

/** What try-it needs of a finished run: the data step's output, the steps up to the model, and the model step's output. */
export interface FittedPipeline {
  readonly data: { readonly id: string; readonly state: PipelineState };
  readonly steps: readonly FittedStep[];
  readonly model: FittedStep;
  readonly target: string;
}

/** The run's data step, the steps between it and its model, and its model step; null when the run has no model or did not finish. */
export function fittedPipeline(result: RunResult): FittedPipeline | null {
  if (result.record.status !== 'done') return null;
  const specs = new Map(result.record.spec.steps.map((s) => [s.id, s]));
  const entries = result.outputs.map((out, i) => {
    const spec = specs.get(out.stepId) as StepSpec;
    return { spec, definition: findStep(spec.kind) as StepDefinition, input: i > 0 ? result.outputs[i - 1].state : EMPTY_STATE, output: out.state };
  });
  const modelAt = entries.findIndex((e) => e.output.model && e.output.model !== e.input.model);
  let dataAt = -1;
  entries.forEach((e, i) => {
    if (e.definition.category === 'data' && (modelAt < 0 || i < modelAt)) dataAt = i;
  });
  const target = entries[modelAt]?.input.target;
  if (modelAt < 0 || dataAt < 0 || !target) return null;
  return { data: { id: entries[dataAt].spec.id, state: entries[dataAt].output }, steps: entries.slice(dataAt + 1, modelAt), model: entries[modelAt], target };
}

/**
 * Runs raw rows (a table of the data step's feature columns) through the run's transforms up to
 * its model, each with its own `apply` and the state the run recorded, never refitting; returns
 * the model's input table. Notes collect what a person should know (a text value one-hot
 * encoding never saw in training).
 */
export function preprocess(pipeline: FittedPipeline, raw: Table, notes: string[]): Table {
  let table = raw;
  for (const step of pipeline.steps) {
    if (step.definition.category !== 'transform') continue;
    const produced = applyStep(step, table, pipeline.target, notes);
    table = inRecordedOrder(step, produced, pipeline.target);
  }
  return table;
}

function applyStep(step: FittedStep, table: Table, target: string, notes: string[]): readonly Column[] {
  const { spec, definition } = step;
  if (!definition.apply) throw new RawInputError(`Try it cannot yet apply step "${spec.id}" (${definition.label}) to new rows.`);
  const fitted = step.output.fitted[spec.id];
  const produced = definition.apply(table, fitted, spec.params, target);
  if (produced.length && columnLength(produced[0]) < table.rowCount) throw rowRemoved(step, table);
  notes.push(...(definition.applyNotes?.(table, fitted) ?? []));
  return produced;
}

/** A step removed the row (drop rows with missing values): say so, and which empty value to fill in. */
function rowRemoved(step: FittedStep, table: Table): RawInputError {
  const named = `"${step.spec.id}" (${step.definition.label})`;
  const gap = table.columns.find((c) => isMissing(c, 0));
  if (!gap) return new RawInputError(`Step ${named} removes this row, so the pipeline makes no prediction for it.`);
  return new RawInputError(`"${gap.name}" is empty, and step ${named} removes this row, so the pipeline makes no prediction for it. Fill in "${gap.name}".`);
}

/** The produced columns in the order of the step's recorded output (the target left out). */
function inRecordedOrder(step: FittedStep, produced: readonly Column[], target: string): Table {
  const byName = new Map(produced.map((c) => [c.name, c]));
  const names = (step.output.table?.columns ?? []).map((c) => c.name).filter((n) => n !== target);
  return makeTable(
    names.map((name) => {
      const col = byName.get(name);
      if (!col) throw new RawInputError(`Try it could not rebuild column "${name}" of step "${step.spec.id}" (${step.definition.label}) for this row.`);
      return col;
    }),
  );
}
