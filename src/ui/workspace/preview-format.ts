import type { ColumnNote } from '../../core/column-sense';
import type { ColumnPreview } from '../../steps/data/data-preview';
import type { ImportProgress } from '../../worker/preview-file';

/** A number short enough for a table cell (4 significant digits, no exponent below a million). */
export function shortNumber(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  return Math.abs(v) >= 1e6 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : String(Number(v.toPrecision(4)));
}

/** Bytes as KB or MB. */
export function sizeText(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A column's statistics in one line: range and mean, or its most frequent labels. */
export function columnSummary(col: ColumnPreview): string {
  if (col.type === 'numeric') return `${shortNumber(col.min)} to ${shortNumber(col.max)}, mean ${shortNumber(col.mean)}`;
  const more = col.distinct > col.top.length ? ', …' : '';
  return col.top.map((t) => `${t.value} (${t.count})`).join(', ') + more;
}

/** What the progress bar is doing, in words. */
export function progressText(p: ImportProgress | null): string {
  if (!p) return 'Starting…';
  if (p.stage === 'reading') return `Reading ${sizeText(p.done)} of ${sizeText(p.total)}…`;
  return `Parsing… ${Math.floor((100 * p.done) / Math.max(1, p.total))}%`;
}

/** The separator as a person names it. */
export function delimiterName(d: string | null): string {
  const names: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'bars' };
  return d === null ? '' : (names[d] ?? `"${d}"`);
}

/** What the default did with a noted column, after its reason: left out (until taken back), or kept by the user. */
export function noteStatus(note: ColumnNote, used: boolean): string {
  if (!note.excluded) return '.';
  return used ? '. Left out by default; you chose to use it.' : '. Left out of the features.';
}
