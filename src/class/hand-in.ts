import type { RunRecord } from '../engine/run-record';
import { browserFamily, osFamily } from './env-family';
import { MAX_METRICS, cleanName } from './result-fields';
import type { ResultCode } from './result-code';

/** How many metrics a result code carries (the headline ones, in the run's order). */
export const HEADLINE_METRICS = 4;

/** The result code of a finished run of an assignment; null when the run did not finish. */
export function handInCode(record: RunRecord, assignment: string, name: string, at: number, platform = ''): ResultCode | null {
  if (record.status !== 'done' || !record.resultHash) return null;
  const e = record.environment;
  const metrics = Object.fromEntries(Object.entries(record.metrics).filter(([, v]) => Number.isFinite(v)).slice(0, Math.min(HEADLINE_METRICS, MAX_METRICS)));
  return {
    assignment, versionHash: record.versionHash.slice(0, 16), seed: record.seed, backend: e.backend,
    precision: e.floatPrecision === 16 ? 16 : 32, browser: browserFamily(e.runtime), os: osFamily(e.runtime, platform),
    appVersion: e.appVersion, resultHash: record.resultHash.slice(0, 16),
    steps: record.steps.filter((s) => s.outputHash).map((s) => [s.id, (s.outputHash as string).slice(0, 8)] as const),
    metrics, name: cleanName(name), at,
  };
}
