import { cellText, type Table } from './table';

/** Writes a table as RFC 4180 CSV with a header row; missing values are empty cells. */
export function tableToCsv(table: Table): string {
  const lines = [table.columns.map((c) => quote(c.name)).join(',')];
  for (let r = 0; r < table.rowCount; r++) {
    lines.push(table.columns.map((c) => quote(cellText(c, r))).join(','));
  }
  return lines.join('\n') + '\n';
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
