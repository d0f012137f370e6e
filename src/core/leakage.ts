import type { PipelineSpec, StepSpec } from './spec';
import type { StepCatalog } from './step-description';

/** A step that learns from the data before the train/test split, so the test rows leak into training. */
export interface Leak {
  /** Id of the leaky step. */
  readonly stepId: string;
  /** Its position in `spec.steps`. */
  readonly index: number;
  /** Id of the split step it should come after (null only if there is none). */
  readonly splitId: string | null;
  /** A plain-words explanation with the fix, shown on the step's card. */
  readonly message: string;
}

/**
 * Every enabled step that fits on data (its description says `fitsOnData`) and
 * comes before the first enabled split step. Without a split step there is no
 * test set to leak, so no leak is reported.
 */
export function findLeaks(spec: PipelineSpec, catalog: StepCatalog): Leak[] {
  const splitIndex = firstSplitIndex(spec, catalog);
  if (splitIndex < 0) return [];
  const split = spec.steps[splitIndex];
  const splitLabel = catalog.describe(split.kind)?.label ?? split.id;
  const leaks: Leak[] = [];
  spec.steps.slice(0, splitIndex).forEach((step, index) => {
    const description = catalog.describe(step.kind);
    if (!step.enabled || !description?.fitsOnData) return;
    leaks.push({ stepId: step.id, index, splitId: split.id, message: leakMessage(description.label, splitLabel) });
  });
  return leaks;
}

/**
 * A copy of `spec` in which every leaky step is moved to just after the first
 * split step, keeping the leaky steps' relative order; other steps keep theirs.
 */
export function fixLeaks(spec: PipelineSpec, catalog: StepCatalog): PipelineSpec {
  const leaky = new Set(findLeaks(spec, catalog).map((l) => l.stepId));
  const copy: PipelineSpec = { ...spec, steps: spec.steps.map(copyStep) };
  if (leaky.size === 0) return copy;
  const moved = copy.steps.filter((s) => leaky.has(s.id));
  const rest = copy.steps.filter((s) => !leaky.has(s.id));
  const splitAt = firstSplitIndex({ ...copy, steps: rest }, catalog);
  copy.steps = [...rest.slice(0, splitAt + 1), ...moved, ...rest.slice(splitAt + 1)];
  return copy;
}

/** The explanation shown for a step fitted before the split. */
export function leakMessage(stepLabel: string, splitLabel: string): string {
  return (
    `"${stepLabel}" is fitted before the split, so it learns from the test rows too ` +
    '(their means, categories or which features look useful). ' +
    `The test score then looks better than it will be on new data. Move it after "${splitLabel}".`
  );
}

function copyStep(step: StepSpec): StepSpec {
  return { ...step, params: structuredClone(step.params) };
}

function firstSplitIndex(spec: { readonly steps: readonly StepSpec[] }, catalog: StepCatalog): number {
  return spec.steps.findIndex((s) => s.enabled && catalog.describe(s.kind)?.category === 'split');
}
