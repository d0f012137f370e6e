// The benchmark's printed report: the timing table, app metrics, and each target's status.
import type { Timing } from './stats';
import { formatMs, formatTiming, markdownTable } from './stats';
import type { BackendResult } from './node-bench';
import type { SklearnResult } from './sklearn-runner';

/** Everything one `npm run bench` measured (also written as JSON). */
export interface BenchReport {
  readonly date: string;
  readonly machine: string;
  readonly quick: boolean;
  readonly workloads: readonly { id: string; label: string; repeats: number; slowRepeats: number }[];
  readonly results: Record<string, BackendResult>;
  readonly sklearn: SklearnResult;
  /** Node: the refusal of a share link that unpacks to 50 MB (absent in reports made before it was measured). */
  readonly zipBomb?: Timing;
  readonly app: {
    readonly bundle: { files: string[]; raw: number; gzip: number };
    readonly timeToGallery: Timing;
    readonly longTasks: { count: number; longestMs: number; trainingMs: number; openCount?: number; openLongestMs?: number };
    readonly memory: { tensorsBefore: number; tensorsAfter: number; heapBefore: number; heapAfter: number };
    /** Cancel to the end of a digits MLP run (2,000 epochs, Auto), and the status it ended in. */
    readonly cancel: { ms: number; status: string };
    /** The longest main-thread task while the bench's CSV was imported. */
    readonly importLongestMs: number;
    readonly storage: { estimateBytes: number; specJsonBytes: number };
    readonly chromium: string;
    /** Whether the page could use wasm threads (it needs cross-origin isolation). */
    readonly crossOriginIsolated: boolean;
  } | null;
  readonly wallSeconds: number;
}

const BROWSER = ['chromium cpu', 'chromium wasm', 'chromium webgl'];

/** The best (lowest median) browser backend for a workload. */
function bestBrowser(r: BenchReport, id: string): { backend: string; t: Timing } | null {
  let best: { backend: string; t: Timing } | null = null;
  for (const b of BROWSER) {
    const t = r.results[b]?.timings[id];
    if (t && (!best || t.median < best.t.median)) best = { backend: b.replace('chromium ', ''), t };
  }
  return best;
}

function ratio(r: BenchReport, id: string): number | null {
  const best = bestBrowser(r, id);
  const sk = r.sklearn.available ? r.sklearn.timings[id] : undefined;
  return best && sk ? best.t.median / sk.median : null;
}

/** The Markdown report: timing table (median ± half-range), app metrics and targets. */
export function renderReport(r: BenchReport): string {
  const columns = Object.keys(r.results);
  const header = ['workload (repeats)', ...(r.sklearn.available ? ['scikit-learn'] : []), ...columns, 'best browser / sklearn'];
  const rows = r.workloads.map((w) => {
    const sk = r.sklearn.available ? [formatTiming(r.sklearn.timings[w.id])] : [];
    const q = ratio(r, w.id);
    const best = bestBrowser(r, w.id);
    return [`${w.label} (${w.repeats}/${w.slowRepeats})`, ...sk, ...columns.map((c) => formatTiming(r.results[c].timings[w.id])), q === null ? '–' : `${q.toFixed(1)}× (${best?.backend})`];
  });
  const lines = [`pipelab benchmark, ${r.date.slice(0, 10)}${r.quick ? ' (quick: 1 repeat, 5 MB CSV)' : ''}`, `machine: ${r.machine}`];
  lines.push(r.sklearn.available ? `scikit-learn ${r.sklearn.versions.sklearn} (python ${r.sklearn.versions.python}, numpy ${r.sklearn.versions.numpy}; CSV read with ${r.sklearn.versions.csvReader})` : `scikit-learn: absent (${r.sklearn.reason})`);
  if (r.app) {
    const threads = r.app.crossOriginIsolated ? 'cross-origin isolated' : 'not cross-origin isolated, so wasm runs single-threaded (SIMD)';
    lines.push(`chromium ${r.app.chromium} (headless; webgl on SwiftShader when there is no GPU; page ${threads})`);
  }
  lines.push('', markdownTable(header, rows), '', 'Times: median ± half the range. Repeats in brackets: cpu, wasm and scikit-learn / webgl (the slow backend runs the slow workloads once). Each time covers a whole run, data file to metrics; edit-to-result re-runs only the model and evaluation (cached upstream).');
  if (r.app) lines.push('', appTable(r.app));
  if (r.zipBomb) lines.push('', `zip-bomb share link (unpacks to 50 MB) refused in ${formatTiming(r.zipBomb)} (Node)`);
  lines.push('', markdownTable(['target', 'goal', 'now', 'met'], targets(r)), '', `bench wall time: ${Math.round(r.wallSeconds)} s`);
  return lines.join('\n');
}

function appTable(a: NonNullable<BenchReport['app']>): string {
  return markdownTable(['app metric', 'value'], [
    ['main bundle (entry + static imports + CSS, no worker), gzip', `${(a.bundle.gzip / 1024).toFixed(1)} KB (${(a.bundle.raw / 1024).toFixed(0)} KB raw, ${a.bundle.files.length} files)`],
    ['navigation → interactive gallery', formatTiming(a.timeToGallery)],
    ['main-thread tasks > 50 ms while training digits MLP (Auto, live charts)', `${a.longTasks.count} (longest ${formatMs(a.longTasks.longestMs)}, training ${formatMs(a.longTasks.trainingMs)})`],
    ...(a.longTasks.openCount !== undefined ? [['main-thread tasks > 50 ms while opening it (the editor\'s first render, before Run)', `${a.longTasks.openCount} (longest ${formatMs(a.longTasks.openLongestMs ?? 0)})`] as [string, string]] : []),
    ['engine worker tensors, 100 runs', `${a.memory.tensorsBefore} → ${a.memory.tensorsAfter}`],
    ['engine worker JS heap, 100 runs', `${mb(a.memory.heapBefore)} → ${mb(a.memory.heapAfter)} (${pct(a.memory.heapAfter / a.memory.heapBefore - 1)})`],
    ['cancel → run stopped (digits MLP, 2,000 epochs, Auto)', `${formatMs(a.cancel.ms)} (${a.cancel.status})`],
    ['longest main-thread task while importing the bench CSV', formatMs(a.importLongestMs)],
    ['IndexedDB growth, 1,000 versions of the penguins pipeline', `${mb(a.storage.estimateBytes)} (specs as JSON: ${mb(a.storage.specJsonBytes)})`],
  ]);
}

const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toFixed(2)} MB` : 'n/a');
const pct = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %` : 'n/a');
const yes = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'yes' : '**no**');

/** Issue 23's targets not listed above: digits MLP, the penguins pipeline and the 50 MB import against scikit-learn, and the browser import against Node's. */
function issue23(r: BenchReport, q: (id: string) => number | null, fmtQ: (x: number | null) => string): [string, string, string, boolean | null][] {
  const atMost = (id: string, limit: number) => (q(id) === null ? null : q(id)! <= limit);
  const node = ['node cpu', 'node wasm'].map((b) => r.results[b]?.timings['csv-50mb']?.median).filter((t): t is number => t !== undefined);
  const browser = bestBrowser(r, 'csv-50mb');
  const importRatio = node.length && browser ? browser.t.median / Math.min(...node) : null;
  return [
    ['digits MLP vs scikit-learn (issue 23)', '≤ 1×', fmtQ(q('digits-mlp')), atMost('digits-mlp', 1)],
    ['penguins 6-step pipeline (Adam) vs scikit-learn (lbfgs)', '≤ 1×', fmtQ(q('penguins-6step')), atMost('penguins-6step', 1)],
    ['penguins 6-step pipeline (L-BFGS) vs scikit-learn (lbfgs)', '≤ 1×', fmtQ(q('penguins-lbfgs')), atMost('penguins-lbfgs', 1)],
    ['50 MB CSV import vs scikit-learn', '≤ 1×', fmtQ(q('csv-50mb')), atMost('csv-50mb', 1)],
    ['50 MB CSV import, best browser / best Node', '≤ 1.2×', importRatio === null ? 'n/a' : `${importRatio.toFixed(2)}×`, importRatio === null ? null : importRatio <= 1.2],
  ];
}

function targets(r: BenchReport): string[][] {
  const q = (id: string) => ratio(r, id);
  const fmtQ = (x: number | null) => (x === null ? 'n/a (no scikit-learn)' : `${x.toFixed(2)}×`);
  const edit = r.results['chromium wasm']?.timings['iris-edit'];
  const editAuto = r.results['chromium cpu']?.timings['iris-edit'];
  const a = r.app;
  const heap = a ? a.memory.heapAfter / a.memory.heapBefore - 1 : NaN;
  const rows: [string, string, string, boolean | null][] = [
    ['digits MLP vs scikit-learn', '≤ 1.5×', fmtQ(q('digits-mlp')), q('digits-mlp') === null ? null : q('digits-mlp')! <= 1.5],
    ['iris logistic regression vs scikit-learn', '≤ 2×', fmtQ(q('iris-logreg')), q('iris-logreg') === null ? null : q('iris-logreg')! <= 2],
    ['breast_cancer logistic regression vs scikit-learn', '≤ 2×', fmtQ(q('cancer-logreg')), q('cancer-logreg') === null ? null : q('cancer-logreg')! <= 2],
    ['iris logistic regression (L-BFGS) vs scikit-learn lbfgs', '≤ 1×', fmtQ(q('iris-lbfgs')), q('iris-lbfgs') === null ? null : q('iris-lbfgs')! <= 1],
    ['breast_cancer logistic regression (L-BFGS) vs scikit-learn lbfgs', '≤ 1×', fmtQ(q('cancer-lbfgs')), q('cancer-lbfgs') === null ? null : q('cancer-lbfgs')! <= 1],
    ...issue23(r, q, fmtQ),
    ['edit-to-result, iris, wasm (median)', '< 150 ms', edit ? formatMs(edit.median) : 'n/a', edit ? edit.median < 150 : null],
    ['edit-to-result, iris, Auto = cpu (median)', '< 150 ms', editAuto ? formatMs(editAuto.median) : 'n/a', editAuto ? editAuto.median < 150 : null],
    ['main-thread tasks > 50 ms during training', '0', a ? String(a.longTasks.count) : 'n/a', a ? a.longTasks.count === 0 : null],
    ['main bundle, gzip', '≤ 150 KB', a ? `${(a.bundle.gzip / 1024).toFixed(1)} KB` : 'n/a', a ? a.bundle.gzip <= 150 * 1024 : null],
    ['tensor growth over 100 runs', '0', a ? String(a.memory.tensorsAfter - a.memory.tensorsBefore) : 'n/a', a ? a.memory.tensorsAfter === a.memory.tensorsBefore : null],
    ['heap growth over 100 runs', '≤ 10 %', a ? pct(heap) : 'n/a', a && Number.isFinite(heap) ? heap <= 0.1 : null],
    ['IndexedDB, 1,000 versions', '≤ 2 MB', a ? mb(a.storage.estimateBytes) : 'n/a', a ? a.storage.estimateBytes <= 2 * 2 ** 20 : null],
  ];
  return rows.map(([t, g, n, ok]) => [t, g, n, yes(ok)]);
}
