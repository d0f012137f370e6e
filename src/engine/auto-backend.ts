import type { PipelineSpec } from '../core/spec';
import { simdKernelsAvailable } from '../steps/model/kernels/cpu-matmul';
import { findStep } from '../steps/registry';
import { decideBackend, type Calibration } from './calibration';

/** Without WebAssembly SIMD, networks with at most this many hidden units in all still train faster on cpu than on wasm. */
export const SMALL_NETWORK_HIDDEN_UNITS = 16;


/**
 * The backend "Auto" runs `spec` on, given the accelerated backend the worker started
 * (wasm, or webgl where wasm failed). The cpu backend trains networks without tensors
 * (its matrix products in WebAssembly SIMD, no per-op cost) and is the reference whose
 * results the CLI reproduces bit for bit. With SIMD, cpu beats wasm's tensors at every
 * network size pipelab offers (the measurements are in the README's Performance section
 * and `npm run bench`), so Auto is cpu. Without SIMD (the JavaScript kernels) cpu still wins for small
 * networks: those with at most SMALL_NETWORK_HIDDEN_UNITS hidden units in all (logistic
 * regression has none); larger ones run on the started backend. Pipelines without a
 * network do not depend on the backend at all and go to cpu. The rule reads the spec
 * and the engine only, so a pipeline always gets the same backend on one browser.
 * Where this device's calibration (a real GPU, timed against cpu: see calibration.ts)
 * measured WebGL faster for networks the size of the spec's, Auto runs it on webgl.
 */
export function autoBackend(spec: PipelineSpec, started: string, simd = simdKernelsAvailable(), calibration: Calibration | null = null): string {
  const units = largestNetwork(spec);
  if (calibration && units > 0 && decideBackend(calibration, units).backend === 'webgl') return 'webgl';
  if (simd) return 'cpu';
  return units > SMALL_NETWORK_HIDDEN_UNITS ? started : 'cpu';
}

/** Hidden units of the largest enabled network in `spec` (0 without one). */
export function largestNetwork(spec: PipelineSpec): number {
  return Math.max(0, ...spec.steps.filter((s) => s.enabled).map((s) => networkUnits(s.kind, s.params)));
}

/** Hidden units of a step that trains a network on the tfjs backend (as the step declares them); 0 for every other step. */
function networkUnits(kind: string, params: PipelineSpec['steps'][number]['params']): number {
  const units = findStep(kind)?.fitted?.networkUnits;
  return units ? units(params) : 0;
}
