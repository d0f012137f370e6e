// Summary statistics and the printed table of the benchmark.

/** Median and spread (min–max) of repeated timings, in milliseconds. */
export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number[];
}

/** Median, min and max of a list of timings. */
export function summarize(runs: number[]): Timing {
  const s = [...runs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], runs };
}

/** Times `fn` `repeats` times (after `warmup` untimed calls) and summarizes. */
export async function timeRepeats(repeats: number, fn: (i: number) => Promise<number | void>): Promise<Timing> {
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const inner = await fn(i);
    runs.push(typeof inner === 'number' ? inner : performance.now() - t0);
  }
  return summarize(runs);
}

/** Runs `run` untimed once, then again until `ms` milliseconds have passed (the warm-up before timed runs). */
export async function warmUp(ms: number, run: () => Promise<unknown>): Promise<void> {
  const until = performance.now() + ms;
  do await run();
  while (performance.now() < until);
}

/** "1.23 s" or "45 ms" with the spread as ±half-range in percent. */
export function formatTiming(t: Timing | undefined): string {
  if (!t) return '–';
  const spread = t.median > 0 && t.runs.length > 1 ? ` ±${Math.round(((t.max - t.min) / 2 / t.median) * 100)}%` : '';
  return `${formatMs(t.median)}${spread}`;
}

/** Milliseconds as "1.23 s" or "45 ms". */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

/** A Markdown table from a header row and body rows. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
