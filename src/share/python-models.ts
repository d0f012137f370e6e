import type { StepSpec } from '../core/spec';
import { ALL_DESCRIPTIONS, stepCatalog } from '../steps/catalog';
import type { ScriptNeeds } from './python-script';

// Each pipelab model as the lines of Python that define `model`, a scikit-learn estimator: the model step writes them.

/** The lines that define `model` for a model step. */
export function modelLines(step: StepSpec, s: ScriptNeeds): string[] {
  const code = stepCatalog.describe(step.kind)?.model;
  if (!code) throw new Error(`Step kind "${step.kind}" has no Python model; expected one of ${WRITTEN_MODELS.join(', ')}.`);
  return code.python(step.params, s);
}

/** Kinds modelLines writes: every model step. */
export const WRITTEN_MODELS: readonly string[] = ALL_DESCRIPTIONS.filter((s) => s.model).map((s) => s.kind);
