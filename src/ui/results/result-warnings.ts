import type { Baseline } from '../../engine/baseline';
import type { RunRecord } from '../../engine/run-record';
import type { RunView } from '../../engine/run-view';
import { stepCatalog } from '../../steps/catalog';
import { unchangedExample } from '../gallery/gallery';
import { formatMetric } from './metric-format';

// Honest first results: says in words when a run's model does not beat the trivial
// baseline, or scores far better on its training rows than on its test rows.

/** Training score minus test score (accuracy, or R²) above which the model is said to memorise: 20 points. */
export const GAP_LIMIT = 0.2;

/** One warning about a run's result, with what to try and the model step it links to. */
export interface ResultWarning {
  readonly kind: 'below-baseline' | 'overfit';
  readonly title: string;
  readonly text: string;
  readonly tips: readonly string[];
  /** The id of the run's model step (clicking the link selects it), or null when it has none. */
  readonly modelStepId: string | null;
}

const ID_TIP = 'Drop an id-like column (one value per row) or a date used as a category: the model can memorise rows by it, and it does not carry over to new rows.';
const DATA_TIP = 'Use more data.';
const TRAIN_MORE_TIP = 'Train more (more epochs, a higher learning rate) or try a model that can bend (a neural network, a forest).';

const BASELINE_TIPS = [
  ID_TIP,
  'Check that the features relate to the target: on random data nothing can be learned.',
  TRAIN_MORE_TIP,
  DATA_TIP,
];

const OVERFIT_TIPS = [ID_TIP, 'Regularise: raise L2, limit the tree depth, or use more neighbours.', 'Train for fewer epochs.', DATA_TIP];

/** The tips of several warnings in one list, each once, in order (no "train more" for a model that already memorises). */
export function allTips(warnings: readonly ResultWarning[]): string[] {
  const overfit = warnings.some((w) => w.kind === 'overfit');
  return [...new Set(warnings.flatMap((w) => w.tips))].filter((t) => !(overfit && t === TRAIN_MORE_TIP));
}

/** The view's baseline when it is well-formed (a view can come from an imported bundle), else null. */
export function shownBaseline(view: Pick<RunView, 'baseline'> | null | undefined): Baseline | null {
  const b = view?.baseline as Record<string, unknown> | null | undefined;
  if (!b || typeof b.value !== 'number' || !Number.isFinite(b.value)) return null;
  if (b.kind === 'majority' && b.metric === 'accuracy' && typeof b.cls === 'string') return b as unknown as Baseline;
  if (b.kind === 'mean' && b.metric === 'r2' && typeof b.mean === 'number') return b as unknown as Baseline;
  return null;
}

function modelStep(record: RunRecord): string | null {
  return record.spec.steps.find((s) => s.enabled && stepCatalog.describe(s.kind)?.category === 'model')?.id ?? null;
}

function belowBaseline(test: number, b: Baseline, modelStepId: string | null): ResultWarning | null {
  const line = b.kind === 'majority' ? b.value : Math.max(b.value, 0); // regression: the R² = 0 line at least
  if (test > line) return null;
  const what = b.kind === 'majority'
    ? `always predicting “${b.cls}” (the most common class in the training rows) scores ${formatMetric('accuracy', b.value)}`
    : `always predicting the training mean scores R² ${formatMetric('r2', b.value)} (0 means no better than the mean)`;
  const score = formatMetric(b.metric, test);
  return {
    kind: 'below-baseline',
    title: 'The model does not beat the baseline',
    text: `It scores ${b.kind === 'majority' ? score : `R² ${score}`} on the test rows, but ${what}: it has learned nothing useful yet.`,
    tips: BASELINE_TIPS,
    modelStepId,
  };
}

function overfit(metric: string, train: number, test: number, modelStepId: string | null): ResultWarning | null {
  if (!(train - test > GAP_LIMIT)) return null;
  const points = metric === 'accuracy' ? `${((train - test) * 100).toFixed(1)} points` : `${(train - test).toFixed(2)} in R²`;
  return {
    kind: 'overfit',
    title: 'Much better on the training rows than on the test rows',
    text: `${formatMetric(metric, train)} on the training rows but ${formatMetric(metric, test)} on the test rows (${points} apart): ` +
      'the model memorises its training rows instead of learning what carries over to new ones.',
    tips: OVERFIT_TIPS,
    modelStepId,
  };
}

/** The warnings for a finished run: below its baseline, and/or a train/test gap over 20 points. Empty when the result looks sound. */
export function resultWarnings(record: RunRecord, baseline: Baseline | null | undefined): ResultWarning[] {
  if (record.status !== 'done') return [];
  const metric = baseline?.metric ?? ('accuracy' in record.metrics ? 'accuracy' : 'r2');
  const test = record.metrics[metric];
  if (test === undefined || Number.isNaN(test)) return [];
  const step = modelStep(record);
  const train = record.trainMetrics?.[metric];
  const warnings = [
    baseline ? belowBaseline(test, baseline, step) : null,
    train === undefined ? null : overfit(metric, train, test, step),
  ];
  return warnings.filter((w): w is ResultWarning => w !== null);
}

/** What a result card shows: the warnings, and the lesson note of an unchanged gallery example whose expected warnings were held back. */
export interface ShownWarnings {
  readonly warnings: readonly ResultWarning[];
  readonly lessonNote: string | null;
}

/**
 * The warnings to raise for a run: all of them, except that an unchanged gallery example built to
 * fail a certain way (the leakage demos on pure noise) tells that failure as its lesson instead.
 * Any edit to the example brings every warning back.
 */
export function warningsToShow(record: RunRecord, baseline: Baseline | null | undefined): ShownWarnings {
  const all = resultWarnings(record, baseline);
  const expected = all.length ? unchangedExample(record.spec)?.expectedWarnings : undefined;
  if (!expected) return { warnings: all, lessonNote: null };
  const warnings = all.filter((w) => !expected.kinds.includes(w.kind));
  return { warnings, lessonNote: warnings.length < all.length ? expected.note : null };
}
