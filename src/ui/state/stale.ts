import { canonicalJson } from '../../core/canonical-json';
import type { PipelineSpec } from '../../core/spec';

/**
 * One fingerprint per step: the seed plus every enabled step up to and including
 * it. A step's result is stale when its fingerprint differs from the last run's.
 */
export function prefixFingerprints(spec: PipelineSpec): Map<string, string> {
  const out = new Map<string, string>();
  const upstream: unknown[] = [];
  for (const step of spec.steps) {
    if (step.enabled) upstream.push({ id: step.id, kind: step.kind, params: step.params });
    out.set(step.id, canonicalJson({ seed: spec.seed, enabled: step.enabled, upstream }));
  }
  return out;
}
