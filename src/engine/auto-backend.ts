import type { PipelineSpec } from '../core/spec';

/** Dense networks with at most this many hidden units in all train faster on cpu's plain-JavaScript loop than on wasm. */
export const SMALL_NETWORK_HIDDEN_UNITS = 16;

/** Model kinds trained as dense networks on the tfjs backend (every other step computes in plain JavaScript). */
const NETWORK_KINDS = new Set(['model.logistic-regression', 'model.mlp-classifier', 'model.mlp-regressor']);

/**
 * The backend "Auto" runs `spec` on, given the accelerated backend the worker started
 * (wasm, or webgl where wasm failed). Small networks train fastest on cpu, whose loop
 * runs in plain JavaScript with no per-op cost (bench: iris logistic regression about
 * 10× faster than wasm, a 16-unit MLP on penguins 1.5×), and cpu is the reference
 * backend whose results the CLI reproduces bit for bit; so cpu runs every pipeline
 * whose networks have at most SMALL_NETWORK_HIDDEN_UNITS hidden units in all (logistic
 * regression has none; pipelines without a network do not depend on the backend at
 * all). Larger networks, where wasm's fast kernels win (the digits MLP with 32 units
 * about 2×), run on the started backend. The rule reads the spec only, so a pipeline
 * always gets the same backend and so the same numbers.
 */
export function autoBackend(spec: PipelineSpec, started: string): string {
  const large = spec.steps.some((s) => s.enabled && NETWORK_KINDS.has(s.kind) && hiddenUnits(s.params.hiddenLayers) > SMALL_NETWORK_HIDDEN_UNITS);
  return large ? started : 'cpu';
}

function hiddenUnits(layers: unknown): number {
  return Array.isArray(layers) ? layers.reduce((n: number, u) => n + (typeof u === 'number' ? u : 0), 0) : 0;
}
