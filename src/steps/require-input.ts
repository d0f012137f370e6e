import { StepInputError } from '../core/errors';
import type { PipelineState, Split, Task } from '../core/state';
import { getColumn, type Column, type Table } from '../core/table';

/** The parts of a state that a step past the data step relies on. */
export interface TableInput {
  readonly table: Table;
  readonly target: string;
  readonly task: Task;
}

/** Checks that a data step ran before `label`; throws a message that says what to add. */
export function requireTable(state: PipelineState, label: string): TableInput {
  if (!state.table || !state.target || !state.task) {
    throw new StepInputError(`${label} needs data: put a data step before it.`);
  }
  return { table: state.table, target: state.target, task: state.task };
}

/** Checks that a split step ran before `label`. */
export function requireSplit(state: PipelineState, label: string): Split {
  if (!state.split) throw new StepInputError(`${label} needs a train/test split: put a Split step before it.`);
  return state.split;
}

/** The feature columns: every column except the target. */
export function featureColumns(input: TableInput): Column[] {
  return input.table.columns.filter((c) => c.name !== input.target);
}

/** The target column. */
export function targetColumn(input: TableInput): Column {
  return getColumn(input.table, input.target);
}

/** The rows a transform is fitted on: the training rows, or every row before a split. */
export function fitRows(state: PipelineState, rowCount: number): ArrayLike<number> {
  if (state.split) return state.split.train;
  return Int32Array.from({ length: rowCount }, (_, i) => i);
}
