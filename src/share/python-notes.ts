import type { PipelineSpec } from '../core/spec';
import type { PythonFacts } from '../core/step-description';
import { stepCatalog } from '../steps/catalog';
import { pythonOf } from '../steps/python-catalog';
import { BUNDLED, own } from './python-tables';

// What an exported script cannot reproduce exactly, step by step, in words for its header:
// each model and transform step writes its own notes (pythonNotes in its description).

/** What the notes know of the data: read from the data step's declaration and scikit-learn's bundled sets. */
function pythonFacts(spec: PipelineSpec): PythonFacts {
  const step = spec.steps.find((s) => s.enabled && stepCatalog.describe(s.kind)?.category === 'data');
  const data = step && pythonOf(step.kind)?.data?.python(step.params);
  if (!data) return { twoClasses: false, task: 'classification', labels: false };
  const bundled = data.dataset === null ? undefined : own(BUNDLED, data.dataset);
  return {
    twoClasses: (data.classes ?? bundled?.classes) === 2,
    task: data.task,
    labels: data.labels || (bundled !== undefined && !bundled.load),
  };
}

/** What the exported script cannot reproduce exactly (also written as comments at the top of the script): models' notes, then transforms'. */
export function exportNotes(spec: PipelineSpec): string[] {
  const facts = pythonFacts(spec);
  const described = spec.steps.filter((s) => s.enabled).map((s) => ({ s, d: stepCatalog.describe(s.kind) }));
  const models = described.flatMap(({ s, d }) => d?.model?.pythonNotes?.(s.params, facts) ?? []);
  const transforms = described.flatMap(({ s }) => pythonOf(s.kind)?.transform?.pythonNotes?.(s.params, facts) ?? []);
  return [...new Set([...models, ...transforms])];
}
