import { EMPTY_STATE, type PipelineState } from '../../core/state';
import type { StepSpec } from '../../core/spec';
import { Prng } from '../../core/prng';
import { isMissing, makeTable, type Column, type Table } from '../../core/table';
import { findStep } from '../../steps/registry';
import type { StepDefinition, Tf } from '../../steps/step';
import type { RunResult } from '../run-pipeline';
import { FITTED_TRANSFORMS } from './fitted-transforms';
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
 * Runs raw rows (a table of the data step's feature columns) through the run's steps up to
 * its model with their fitted state, never refitting; returns the model's input table.
 * Notes collect what a person should know (a text value one-hot encoding never saw in training).
 */
export async function preprocess(tf: Tf, pipeline: FittedPipeline, raw: Table, notes: string[]): Promise<Table> {
  let table = raw;
  for (const step of pipeline.steps) {
    if (step.definition.category !== 'transform') continue;
    const produced = await applyStep(tf, step, table, pipeline.target, notes);
    table = inRecordedOrder(step, produced, pipeline.target);
  }
  return table;
}

async function applyStep(tf: Tf, step: FittedStep, table: Table, target: string, notes: string[]): Promise<readonly Column[]> {
  const { spec, definition } = step;
  const fitted = step.output.fitted[spec.id];
  if (spec.kind === 'transform.drop-missing') return checkComplete(step, table);
  const apply = FITTED_TRANSFORMS[spec.kind];
  if (apply) {
    if (spec.kind === 'transform.one-hot') noteUnseen(table, fitted as Record<string, readonly string[]>, notes);
    return apply(table, fitted);
  }
  if (definition.fitsOnData || definition.usesRandomness) {
    throw new RawInputError(`Try it cannot yet apply step "${spec.id}" (${definition.label}) to new rows with its fitted state.`);
  }
  // A step that learns nothing (date parts, polynomial features, column choices) is a pure function of the row: run it as is.
  const ctx = { tf, stepId: spec.id, seed: 1, rng: new Prng(1), signal: new AbortController().signal, data: null, epsilon: 1e-7, onEpoch: () => {} };
  const out = await definition.run(ctx, { ...EMPTY_STATE, table, target, task: step.input.task }, spec.params);
  return out.table?.columns ?? [];
}

/** Drop rows with missing values makes no prediction for an incomplete row: say which value to fill in. */
function checkComplete(step: FittedStep, table: Table): readonly Column[] {
  const gap = table.columns.find((c) => isMissing(c, 0));
  if (gap) {
    throw new RawInputError(
      `"${gap.name}" is empty, and step "${step.spec.id}" (${step.definition.label}) removes rows with an empty cell, so the pipeline makes no prediction for this row. Fill in "${gap.name}".`,
    );
  }
  return table.columns;
}

function noteUnseen(table: Table, kept: Readonly<Record<string, readonly string[]>>, notes: string[]): void {
  for (const col of table.columns) {
    if (col.type !== 'categorical' || !kept[col.name] || col.codes[0] < 0) continue;
    const text = col.categories[col.codes[0]];
    if (!kept[col.name].includes(text)) notes.push(`"${text}" in "${col.name}" never occurs in the training rows: One-hot encode gives it all zeros, as it does for such test rows.`);
  }
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
