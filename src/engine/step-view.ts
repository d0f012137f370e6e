import type { PipelineState } from '../core/state';
import { cellText, columnLength, type Column } from '../core/table';
import { keptColumnStats, type ColumnStats } from '../core/table-stats';
import { outputTable } from './output-table';

/** Rows a data view shows. */
const SHOWN_ROWS = 50;

/** First cells of every column seen, by column object (held weakly: a column goes when its table goes). */
const cellsKept = new WeakMap<Column, readonly string[]>();

/**
 * Statistics and first cells (as text) of columns, each computed once per column
 * object. Step outputs share their unchanged columns (a split passes the data's
 * columns on; a built-in data set's table is the same from run to run), and columns
 * never change, so the summaries are kept for as long as the column lives.
 */
export class ColumnSummaries {
  /** The column's statistics. */
  statsOf(col: Column): ColumnStats {
    return keptColumnStats(col);
  }

  /**
   * The column's first cells as the data view shows them: the same array for the same column,
   * so the views of steps that pass a column on share it, and a structured clone sends it once.
   */
  cellsOf(col: Column): readonly string[] {
    let cells = cellsKept.get(col);
    if (!cells) cellsKept.set(col, (cells = Array.from({ length: Math.min(SHOWN_ROWS, columnLength(col)) }, (_, r) => cellText(col, r))));
    return cells;
  }
}

/** The first rows of a data view, as text: from its columns' cells, or its rows where it was stored before they were kept by column. */
export function shownRows(view: StepView): readonly (readonly string[])[] {
  if (!view.cells) return view.rows ?? [];
  const cells = view.cells;
  const count = cells.length ? cells[0].length : 0;
  return Array.from({ length: count }, (_, r) => cells.map((column) => column[r]));
}

/** What the data view shows for one step's output: the first rows and per-column statistics. */
export interface StepView {
  readonly stepId: string;
  readonly rowCount: number;
  readonly columns: readonly string[];
  /** The first cells of each column (up to 50), as text, one array per column (shared with the views of other steps showing that column). */
  readonly cells?: readonly (readonly string[])[];
  /** The first rows, as text: how views stored before `cells` hold them (read them with shownRows). */
  readonly rows?: readonly (readonly string[])[];
  readonly stats: readonly ColumnStats[];
  readonly target: string | null;
  readonly fitted: unknown;
}

/** Builds the data view of a step's output (plain data, ready to cross to the main thread). */
export function buildStepView(stepId: string, state: PipelineState, summaries = new ColumnSummaries()): StepView | null {
  const table = outputTable(state);
  if (!table) return null;
  return {
    stepId,
    rowCount: table.rowCount,
    columns: table.columns.map((c) => c.name),
    cells: table.columns.map((c) => summaries.cellsOf(c)),
    stats: table.columns.map((c) => summaries.statsOf(c)),
    target: state.target,
    fitted: state.fitted[stepId] ?? null,
  };
}
