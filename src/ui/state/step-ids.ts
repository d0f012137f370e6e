import type { StepSpec } from '../../core/spec';
import { stepCatalog } from '../../steps/catalog';

/** A readable id for a new step of `kind` ("model", "scale-2", …) that no other step uses: the step's declared short id, else its kind's last part. */
export function newStepId(kind: string, steps: readonly StepSpec[]): string {
  const base = stepCatalog.describe(kind)?.shortId ?? kind.split('.').pop() ?? 'step';
  const taken = new Set(steps.map((s) => s.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
