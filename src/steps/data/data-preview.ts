import type { Task } from '../../core/state';
import { columnFacts, type ColumnFacts } from '../../core/column-sense';
import { cellText, type Table } from '../../core/table';
import { keptColumnStats } from '../../core/table-stats';
import type { UserFormat } from './parse-user-data';

/** One column as the import preview shows it (plain data, so it crosses the worker boundary). */
export type ColumnPreview =
  | {
      readonly name: string;
      readonly type: 'numeric';
      readonly missing: number;
      readonly distinct: number;
      /** Set where the column holds more fractional numbers than were counted (`distinct` is then a lower bound). */
      readonly distinctCapped?: boolean;
      readonly min: number;
      readonly max: number;
      readonly mean: number;
    }
  | {
      readonly name: string;
      readonly type: 'categorical';
      readonly missing: number;
      readonly distinct: number;
      /** The most frequent categories with their counts. */
      readonly top: readonly { readonly value: string; readonly count: number }[];
    };

/** What the import preview knows about a file: its shape, its columns and its first rows. */
export interface DataPreview {
  readonly name: string;
  readonly format: UserFormat;
  /** The separator of a CSV/TSV file, null for JSON. */
  readonly delimiter: string | null;
  /** SHA-256 of the text, the hash the file is stored and referenced by. */
  readonly hash: string;
  readonly bytes: number;
  readonly rows: number;
  readonly columns: readonly ColumnPreview[];
  /** The first rows as text ('' where a value is missing). */
  readonly sample: readonly (readonly string[])[];
  /** What each column looks like (id-like, dates, constant…), for the notes and default features; absent in previews made before. */
  readonly facts?: readonly ColumnFacts[];
}

/** How many rows the preview shows, and how many categories per column. */
export const SAMPLE_ROWS = 10;
const TOP_CATEGORIES = 5;

/** Builds the preview of a parsed table: per-column type, missing and distinct counts, stats, sample rows. */
export function previewOf(table: Table, file: Omit<DataPreview, 'rows' | 'columns' | 'sample'>): DataPreview {
  const facts = columnFacts(table); // counts every column's distinct values once, for the notes and the preview
  const columns = table.columns.map((col, c): ColumnPreview => {
    const { distinct, distinctCapped } = facts[c];
    // Kept per column: the run that follows the import shows the same columns' statistics.
    const stats = keptColumnStats(col);
    if (stats.type === 'numeric') {
      const { missing, min, max, mean } = stats;
      return { name: col.name, type: 'numeric', distinct, ...(distinctCapped ? { distinctCapped } : {}), missing, min, max, mean };
    }
    const top = stats.top.filter((t) => t.count > 0);
    return { name: col.name, type: 'categorical', missing: stats.missing, distinct: top.length, top: top.slice(0, TOP_CATEGORIES) };
  });
  const shown = Math.min(SAMPLE_ROWS, table.rowCount);
  const sample = Array.from({ length: shown }, (_, r) => table.columns.map((c) => cellText(c, r)));
  return { ...file, rows: table.rowCount, columns, sample, facts };
}

/** The task a target suggests: regression for a numeric column with more than 10 distinct values, else classification. */
export function suggestedTask(column: ColumnPreview): Task {
  return column.type === 'numeric' && column.distinct > 10 ? 'regression' : 'classification';
}
