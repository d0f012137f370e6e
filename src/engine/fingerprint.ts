import { canonicalJson } from '../core/canonical-json';
import { sha256Hex } from '../core/hash';
import type { PipelineSpec, StepSpec } from '../core/spec';
import { stepCatalog } from '../steps/catalog';
import { ENGINE_VERSION } from './environment';

/** Content hash of a pipeline version: SHA-256 of its canonical JSON. */
export function versionHash(spec: PipelineSpec): Promise<string> {
  return sha256Hex(canonicalJson(spec));
}

/**
 * The config hash: everything that determines the numbers of a run: seed, the
 * enabled steps with their versions and full params, the data read, the backend
 * and the engine version. The pipeline's name is left out (renaming changes nothing).
 */
export function configHash(spec: PipelineSpec, dataHashes: Record<string, string>, backend: string): Promise<string> {
  return sha256Hex(
    canonicalJson({
      seed: spec.seed,
      steps: spec.steps.filter((s) => s.enabled).map(stepFingerprint),
      data: dataHashes,
      backend,
      engine: ENGINE_VERSION,
    }),
  );
}

/** The parts of a step that decide its output. */
export function stepFingerprint(step: StepSpec): Record<string, unknown> {
  return { id: step.id, kind: step.kind, version: stepCatalog.describe(step.kind)?.version ?? 0, params: step.params };
}
