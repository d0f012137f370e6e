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
  /** The shown rows per list of columns (by column ids), within this instance: views with the same columns share one rows array. */
  private readonly rowsByColumns = new Map<string, readonly (readonly string[])[]>();

  /** The column's statistics. */
  statsOf(col: Column): ColumnStats {
    return keptColumnStats(col);
  }

  /** The column's first cells as the data view shows them. */
  cellsOf(col: Column): readonly string[] {
    let cells = cellsKept.get(col);
    if (!cells) cellsKept.set(col, (cells = Array.from({ length: Math.min(SHOWN_ROWS, columnLength(col)) }, (_, r) => cellText(col, r))));
    return cells;
  }

  /**
   * The first rows of a table with these columns, as text. Two steps whose outputs have the
   * same columns (an evaluation passes its model's table on) get the same array, which a
   * structured clone sends once.
   */
  rowsOf(columns: readonly Column[], rowCount: number): readonly (readonly string[])[] {
    const key = columns.map(columnId).join(',');
    let rows = this.rowsByColumns.get(key);
    if (!rows) {
      const cells = columns.map((c) => this.cellsOf(c));
      rows = Array.from({ length: Math.min(SHOWN_ROWS, rowCount) }, (_, r) => cells.map((column) => column[r]));
      this.rowsByColumns.set(key, rows);
    }
    return rows;
  }
}

const columnIds = new WeakMap<Column, number>();
let nextColumnId = 0;

/** A number naming a column object for as long as it lives. */
function columnId(col: Column): number {
  let id = columnIds.get(col);
  if (id === undefined) columnIds.set(col, (id = nextColumnId++));
  return id;
}

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
export function buildStepView(stepId: string, state: PipelineState, summaries = new ColumnSummaries()): StepView | null {
  const table = outputTable(state);
  if (!table) return null;
  const rows = summaries.rowsOf(table.columns, table.rowCount);
  return {
    stepId,
    rowCount: table.rowCount,
    columns: table.columns.map((c) => c.name),
    rows,
    stats: table.columns.map((c) => summaries.statsOf(c)),
    target: state.target,
    fitted: state.fitted[stepId] ?? null,
  };
}
