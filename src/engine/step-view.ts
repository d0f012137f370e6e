import type { PipelineState } from '../core/state';
import { cellText } from '../core/table';
import { columnStats, type ColumnStats } from '../core/table-stats';
import { outputTable } from './output-table';

/** What the data view shows for one step's output: the first rows and per-column statistics. */
export interface StepView {
  readonly stepId: string;
  readonly rowCount: number;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly stats: readonly ColumnStats[];
  readonly target: string | null;
  readonly fitted: unknown;
}

/** Builds the data view of a step's output (plain data, ready to cross to the main thread). */
export function buildStepView(stepId: string, state: PipelineState, maxRows = 50): StepView | null {
  const table = outputTable(state);
  if (!table) return null;
  const shown = Math.min(maxRows, table.rowCount);
  const rows = Array.from({ length: shown }, (_, r) => table.columns.map((c) => cellText(c, r)));
  return {
    stepId,
    rowCount: table.rowCount,
    columns: table.columns.map((c) => c.name),
    rows,
    stats: table.columns.map(columnStats),
    target: state.target,
    fitted: state.fitted[stepId] ?? null,
  };
}
