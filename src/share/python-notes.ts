import type { PipelineSpec, StepSpec } from '../core/spec';
import { stepCatalog } from '../steps/catalog';
import { BUNDLED, MODELS, own } from './python-tables';

// What an exported script cannot reproduce exactly, step by step, in words for its header.

/** The model step's own notes on what the script cannot reproduce. */
function modelNotes(step: StepSpec, twoClasses: boolean): string[] {
  const notes = stepCatalog.describe(step.kind)?.model?.pythonNotes;
  return notes ? notes(step.params, { twoClasses }) : [];
}

function transformNotes(steps: readonly StepSpec[], hasLabels: boolean): string[] {
  const notes: string[] = [];
  const has = (kind: string): boolean => steps.some((s) => s.kind === kind);
  if (has('transform.select-k-best')) {
    const regression = steps.some((s) => own(MODELS, s.kind) === 'regression' || s.kind === 'evaluate.regression');
    notes.push('Select k best: scikit-learn breaks ties between equal scores in favour of later columns (pipelab: earlier ones), ranks constant columns last (pipelab scores them 0) ' +
      "and needs columns without missing values (pipelab skips the gaps)" +
      (regression ? "; it ranks regression features by F, in the same order as pipelab's |Pearson correlation|." : '.'));
  }
  if (has('transform.polynomial')) {
    notes.push('Polynomial features: PolynomialFeatures refuses missing values, where pipelab gives a missing product; fill them in or drop those rows first.');
  }
  if (has('transform.date-parts')) {
    notes.push('Date parts: the script reads a column\'s date format (day or month first, with or without a time) from the rows the step is fitted on, ' +
      'pipelab from every row of the column; the two differ only when the test rows alone tell day from month. Its sine and cosine are Python\'s, ' +
      'which may differ from pipelab\'s in the last bit.');
  }
  if (hasLabels && has('transform.impute')) {
    notes.push("Fill in missing values: for label columns, scikit-learn breaks a tie between equally frequent labels by Python's string order, " +
      'pipelab by its label order (numbers by value), which differs only for labels that look like numbers.');
  }
  return notes;
}

/** What the exported script cannot reproduce exactly (also written as comments at the top of the script). */
export function exportNotes(spec: PipelineSpec): string[] {
  const steps = spec.steps.filter((s) => s.enabled);
  const data = steps.find((s) => s.kind.startsWith('data.'));
  const bundled = data?.kind === 'data.builtin' ? own(BUNDLED, data.params.name) : undefined;
  const twoClasses = data?.kind === 'data.synthetic' || (data?.kind === 'data.noise' && data.params.classes === 2) || bundled?.classes === 2;
  const hasLabels = data?.kind === 'data.import' || (bundled !== undefined && !bundled.load);
  return [...steps.flatMap((s) => (own(MODELS, s.kind) ? modelNotes(s, twoClasses) : [])), ...transformNotes(steps, hasLabels)];
}
