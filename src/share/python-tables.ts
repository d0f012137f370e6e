import { scoredTask, type StepDescription } from '../core/step-description';
import { ALL_DESCRIPTIONS } from '../steps/catalog';
import { STEP_PYTHON, pythonOf } from '../steps/python-catalog';

// What the Python export knows of the steps, read from their declarations, and the data
// sets scikit-learn bundles.

/**
 * Whether the export writes a step: a data step that says what data it makes, any split it
 * does not refuse (the script takes pipelab's test rows), a transform or model with its
 * Python, an evaluation with its line and the task it scores.
 */
export function exported(d: StepDescription): boolean {
  const python = pythonOf(d.kind);
  if (python?.refusal !== undefined) return false;
  switch (d.category) {
    case 'data':
      return python?.data !== undefined;
    case 'split':
      return true;
    case 'transform':
      return python?.transform !== undefined;
    case 'model':
      return d.model !== undefined;
    case 'evaluate':
      return python?.evaluation !== undefined && scoredTask(d) !== null;
  }
}

/** Every step kind the export writes, in palette order. */
export const KNOWN: ReadonlySet<string> = new Set(ALL_DESCRIPTIONS.filter(exported).map((d) => d.kind));

/**
 * Step kinds the export deliberately refuses, with the reason each step gives (its Python
 * module's refusal). Every registered kind is either in KNOWN or here (a test checks it), so a
 * new kind is never missed silently.
 */
export const REFUSED: Readonly<Record<string, string>> = Object.fromEntries(
  STEP_PYTHON.flatMap((p) => (p.refusal !== undefined ? [[p.kind, p.refusal] as const] : [])),
);

/** Python expression turning a bunch's class codes into class names. */
export const LABELS = 'bunch.target_names[bunch.target].astype(object)';
/** The data sets scikit-learn bundles (same rows and column order as pipelab's CSVs); penguins is not one of them. */
export const BUNDLED: Readonly<Record<string, { features: number; classes: number | null; load: string | null; y: string }>> = {
  iris: { features: 4, classes: 3, load: 'load_iris()', y: LABELS },
  wine: { features: 13, classes: 3, load: 'load_wine()', y: LABELS },
  breast_cancer: { features: 30, classes: 2, load: 'load_breast_cancer()', y: LABELS },
  digits: { features: 64, classes: 10, load: 'load_digits()', y: 'bunch.target.astype(str).astype(object)' },
  diabetes: { features: 10, classes: null, load: 'load_diabetes(scaled=False)', y: 'bunch.target.astype(float)' },
  penguins: { features: 0, classes: 3, load: null, y: '' },
};

/** record[key] when key is one of its own properties (never a prototype member). */
export const own = <T>(record: Readonly<Record<string, T>>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.hasOwn(record, key) ? record[key] : undefined;
