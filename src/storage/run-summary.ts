import type { RunRecord } from '../engine/run-record';
import type { RunSummary } from './records';

/** The summary kept beside a run for tables, sorting and filtering. */
export function summarizeRun(record: RunRecord): RunSummary {
  return {
    status: record.status,
    backend: record.environment.backend,
    seed: record.seed,
    resultHash: record.resultHash,
    metrics: { ...record.metrics },
  };
}
