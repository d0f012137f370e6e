import type { StepDescription } from './step-description';

/** Lower case, letters and digits only: "k-Nearest" and "knearest", "one-hot" and "onehot" meet. */
function fold(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** What a search looks in: the step's kind, label and keywords (not its help, which mentions other steps). */
function searchText(step: StepDescription): string {
  return [step.kind, step.label, ...(step.keywords ?? [])].map(fold).join('|');
}

/**
 * Whether a step matches a search: every word of the query (case, spaces inside names and
 * punctuation ignored) appears in its kind, label or keywords. An empty query matches every step.
 */
export function stepMatches(step: StepDescription, query: string): boolean {
  const words = query.split(/\s+/).map(fold).filter((w) => w !== '');
  if (words.length === 0) return true;
  const text = searchText(step);
  return words.every((w) => text.includes(w));
}

/** The steps that match a search, in their given order. */
export function searchSteps<S extends StepDescription>(steps: readonly S[], query: string): S[] {
  return steps.filter((s) => stepMatches(s, query));
}
