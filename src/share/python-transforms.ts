import type { StepSpec } from '../core/spec';
import type { Task } from '../core/state';
import type { TransformPython } from '../core/step-description';
import { STEP_PYTHON, pythonOf } from '../steps/python-catalog';
import type { ScriptNeeds } from './python-script';

// Each pipelab transform's part of the script, as the transform step declares it (beside its
// description, listed in steps/python-catalog.ts): step objects of the script's classes (python-steps.ts)
// around the scikit-learn estimator that does the work, or the rows it keeps.

/** The script's part for a transform step; errors name the step. */
export function transformPython(step: StepSpec, s: ScriptNeeds, task: Task): TransformPython {
  const code = pythonOf(step.kind)?.transform;
  if (!code) throw new Error(`Step kind "${step.kind}" has no Python transform; expected one of ${WRITTEN_TRANSFORMS.join(', ')}.`);
  try {
    return code.python(step.params, s, task);
  } catch (err) {
    throw new Error(`Step "${step.id}": ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** Kinds transformPython writes: every transform step that declares its Python. */
export const WRITTEN_TRANSFORMS: readonly string[] = STEP_PYTHON.filter((p) => p.transform).map((p) => p.kind);
