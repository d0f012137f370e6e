import { pyStrings } from '../../core/python-code';
import type { PythonScript, TransformPython } from '../../core/step-description';

// What the transforms' Python writers share: their Columns param as a Python list, and the
// script's Replace step around a scikit-learn estimator (see src/share/python-steps.ts).

/** A transform's Columns param as a Python list of names (throws when it is not a list of names). */
export const pyColumns = (columns: unknown): string => pyStrings(columns ?? [], 'columns');

/** A Replace step around an estimator, on the listed number columns (every one when none are listed). */
export function pyReplace(out: PythonScript, estimator: string, imports: string, cols = '[]'): string {
  out.helper('replace');
  out.use(imports);
  return `Replace(${estimator}, ${cols})`;
}

/** The script's part for a transform written as one step object built by a helper class of the script. */
export function pyStep(out: PythonScript, helper: string, expression: string): TransformPython {
  out.helper(helper);
  return { steps: [expression] };
}
