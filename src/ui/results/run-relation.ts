import type { RunRecord } from '../../engine/run-record';

/** The parts of a run record the relation reads (a listed run's brief record has them). */
export type RelatedRecord = Omit<RunRecord, 'history' | 'crossValidation'>;

/** A run as the relation needs it: its number in the pipeline's history and its record. */
export interface NumberedRecord {
  readonly n: number;
  readonly record: RelatedRecord;
}

/** What a run is to the runs before it, in words, plus how much of it came from the step cache. */
export interface RunRelation {
  readonly kind: 'first' | 'identical' | 'new' | 'differs' | 'failed';
  /** The earlier run it is compared with (null for the first run). */
  readonly other: number | null;
  readonly text: string;
  /** Steps served from the cache, of the steps that ran (disabled steps left out). */
  readonly cached: number;
  readonly steps: number;
}

const BIT_FOR_BIT = '(same pipeline, seed and backend — bit for bit)';

/** What changed in the configuration between two runs, as short phrases ("seed changed"). */
export function configChanges(before: RelatedRecord, after: RelatedRecord): string[] {
  const out: string[] = [];
  if (before.seed !== after.seed) out.push('seed changed');
  if (before.environment.backend !== after.environment.backend) out.push('backend changed');
  else if (before.environment.floatPrecision !== after.environment.floatPrecision) out.push('float precision changed');
  const sameSteps = JSON.stringify(before.spec.steps) === JSON.stringify(after.spec.steps);
  if (!sameSteps) out.push('pipeline changed');
  if (JSON.stringify(before.dataHashes) !== JSON.stringify(after.dataHashes)) out.push('data changed');
  if (before.environment.engineVersion !== after.environment.engineVersion) out.push('engine version changed');
  return out;
}

/** The first step whose output hash differs between two runs of the same configuration. */
function firstDifferingStep(before: RelatedRecord, after: RelatedRecord): string | null {
  for (const step of after.steps) {
    const old = before.steps.find((s) => s.id === step.id);
    if (old?.outputHash !== step.outputHash) return step.id;
  }
  return null;
}

function joinPhrases(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? 'configuration changed';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Relates `run` to the earlier runs (any order): identical to the latest earlier run with
 * the same result hash; otherwise compared with the run just before it, a new result
 * (saying what changed) or, when the configuration is the same, a difference worth reporting.
 */
export function relateRun(run: NumberedRecord, earlier: readonly NumberedRecord[]): RunRelation {
  const ran = run.record.steps.filter((s) => s.status !== 'skipped');
  const base = { cached: ran.filter((s) => s.status === 'cached').length, steps: ran.length };
  const hash = run.record.resultHash;
  if (run.record.status !== 'done' || !hash) return { ...base, kind: 'failed', other: null, text: `Run #${run.n} did not finish: nothing to compare.` };
  const done = [...earlier].filter((e) => e.n < run.n && e.record.status === 'done' && e.record.resultHash).sort((a, b) => b.n - a.n);
  const twin = done.find((e) => e.record.resultHash === hash);
  if (twin) return { ...base, kind: 'identical', other: twin.n, text: `Identical to run #${twin.n} ${BIT_FOR_BIT}` };
  const previous = done[0];
  if (!previous) return { ...base, kind: 'first', other: null, text: `Run #${run.n}: the first result.` };
  if (previous.record.configHash === run.record.configHash) {
    const step = firstDifferingStep(previous.record, run.record) ?? 'unknown';
    return { ...base, kind: 'differs', other: previous.n, text: `Differs from run #${previous.n} although the configuration is the same — first at step ${step}` };
  }
  return { ...base, kind: 'new', other: previous.n, text: `New result: ${joinPhrases(configChanges(previous.record, run.record))} since run #${previous.n}` };
}
