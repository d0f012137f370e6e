import type { FittedModel } from '../core/state';
import { findStep } from '../steps/registry';
import type { Task } from '../core/state';
import type { ModelCode, Tf } from '../steps/step';

// Predictions of a fitted model for new rows, through the model step's own `predict`.

/** The model step's code, with the task its description declares. */
function codeOf(model: FittedModel): (ModelCode<never> & { task: Task }) | undefined {
  const step = findStep(model.kind);
  return step?.fitted && step.model ? { ...step.fitted, task: step.model.task } : undefined;
}

/**
 * Float64 class probabilities (rows × classes) of a classifier fitted in plain float64
 * JavaScript (no network), for new row-major rows in the model's feature order; null for any other model.
 */
export function replayProbabilities(model: FittedModel, x: ArrayLike<number>): Float64Array | null {
  const code = codeOf(model);
  if (!code?.predict || code.task !== 'classification' || code.networkUnits) return null;
  return code.predict(model, x, null) as Float64Array | null;
}

/** Predicted values of a plain-JS regressor for new row-major rows; null for any other model. */
export function replayValues(model: FittedModel, x: ArrayLike<number>): Float64Array | null {
  const code = codeOf(model);
  if (!code?.predict || code.task !== 'regression' || code.networkUnits) return null;
  return code.predict(model, x, null) as Float64Array | null;
}

/** Class probabilities of any fitted classifier for new rows (networks on tfjs, the rest in float64); null for regressors. */
export function predictProbabilities(tf: Tf, model: FittedModel, x: Float32Array): Float32Array | null {
  const code = codeOf(model);
  if (!code?.predict || code.task !== 'classification') return null;
  const out = code.predict(model, x, tf);
  return out ? Float32Array.from(out) : null;
}
