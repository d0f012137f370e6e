import type { StepSpec } from '../../core/spec';

/** A readable id for a new step of `kind` ("model", "scale-2", …) that no other step uses. */
export function newStepId(kind: string, steps: readonly StepSpec[]): string {
  const base = SHORT_NAMES[kind] ?? kind.split('.').pop() ?? 'step';
  const taken = new Set(steps.map((s) => s.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

const SHORT_NAMES: Record<string, string> = {
  'data.builtin': 'data',
  'data.synthetic': 'data',
  'split.train-test': 'split',
  'split.k-fold': 'folds',
  'transform.standardize': 'scale',
  'transform.one-hot': 'encode',
  'transform.drop-missing': 'clean',
  'evaluate.classification': 'evaluate',
  'evaluate.regression': 'evaluate',
};
