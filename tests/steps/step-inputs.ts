import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StepDescription } from '../../src/core/step-description';
import { EMPTY_STATE, type PipelineState, type Task } from '../../src/core/state';
import { ALL_DESCRIPTIONS } from '../../src/steps/catalog';
import { doc, run, spec } from '../helpers';

// The contract suite's inputs, built from what each step declares (its category, its
// model task, its `needs` tags), not from a hand-kept table per kind: a new step gets a
// realistic input without touching this file.

/** The built-in iris CSV, standing in for a file a user imported. */
export const USER_CSV = readFileSync(path.resolve(import.meta.dirname, '../../public/datasets/iris.csv'), 'utf8');
/** Its content hash, as the import step's `hash` param. */
export const USER_CSV_HASH = createHash('sha256').update(USER_CSV).digest('hex');

/** Params that replace a kind's defaults when the contract suite runs it (defaults that cannot run on their own). */
export const RUN_PARAMS: Record<string, Record<string, unknown>> = {
  'data.import': { name: 'iris.csv', hash: USER_CSV_HASH, target: 'species' },
  // An empty list keeps (or drops) nothing; a real list exercises the step (iris columns: see datasetFor).
  'transform.select-columns': { columns: ['petal_length_cm', 'petal_width_cm'] },
  // The seeded path (lbfgs, the default, is seed-free and tested in logistic-solver.test.ts).
  'model.logistic-regression': { solver: 'adam' },
  'transform.drop-columns': { columns: ['sepal_width_cm'] },
};

type StepDoc = { id: string; kind: string; params?: Record<string, unknown> };

/** The task a step works on: its model's, the one its evaluation scores, else classification. */
export function taskOf(d: StepDescription): Task {
  return d.model?.task ?? (d.needs?.includes('regression') ? 'regression' : 'classification');
}

/** The bundled data set that has what the step needs: gaps and labels (penguins), many features (wine), a numeric target (diabetes), else iris. */
export function datasetFor(d: StepDescription): string {
  const needs = new Set(d.needs ?? []);
  if (taskOf(d) === 'regression') return 'diabetes';
  if (needs.has('gaps') || needs.has('labels')) return 'penguins';
  return needs.has('wide') ? 'wine' : 'iris';
}

/** The first model step (palette order) of a task: what an evaluation's input is fitted with. */
export function modelFor(task: Task): StepDescription {
  const model = ALL_DESCRIPTIONS.find((d) => d.model?.task === task);
  if (!model) throw new Error(`No model step serves ${task}.`);
  return model;
}

/** The steps that produce an input with everything `d` needs (empty for a data step). */
export function inputSteps(d: StepDescription): StepDoc[] {
  if (d.category === 'data') return [];
  if (d.category === 'evaluate') {
    const model = modelFor(taskOf(d));
    return [...inputSteps(model), { id: 'model', kind: model.kind }];
  }
  const needs = new Set(d.needs ?? []);
  const steps: StepDoc[] = [{ id: 'data', kind: 'data.builtin', params: { name: datasetFor(d) } }];
  // Encoders are checked on complete label columns; steps for gaps get them as they are.
  if (needs.has('labels') && !needs.has('gaps')) steps.push({ id: 'clean', kind: 'transform.drop-missing' });
  if (d.category !== 'split') steps.push({ id: 'split', kind: 'split.train-test' });
  if (needs.has('scaled')) steps.push({ id: 'scale', kind: 'transform.standardize' });
  return steps;
}

/** Runs the steps `step` needs before it and returns the state they hand on. */
export async function inputFor(step: StepDescription): Promise<PipelineState> {
  const steps = inputSteps(step);
  if (steps.length === 0) return EMPTY_STATE;
  const { record, outputs } = await run(spec(doc(steps)));
  if (record.status !== 'done') throw new Error(`The input built for ${step.kind} failed: ${record.error?.message}`);
  return outputs[outputs.length - 1].state;
}
