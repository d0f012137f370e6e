// A deterministic CSV of about `megabytes` MB for the import workload. Self-contained
// (no imports, no closures) so the same function can be sent into the browser page.

/** Builds the benchmark CSV text: 8 number columns, one text column and a label column. */
export function makeBenchCsv(megabytes: number): string {
  let state = 12345;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const header = 'a,b,c,d,e,f,g,h,group,label\n';
  const parts: string[] = [header];
  let size = header.length;
  const target = megabytes * 1024 * 1024;
  while (size < target) {
    const cells: string[] = [];
    for (let j = 0; j < 8; j++) cells.push((next() * 200 - 100).toFixed(4));
    cells.push(`g${Math.floor(next() * 12)}`);
    cells.push(next() < 0.5 ? 'yes' : 'no');
    const line = cells.join(',') + '\n';
    parts.push(line);
    size += line.length;
  }
  return parts.join('');
}
