import { describePython } from '../../core/step-description';
import type { Task } from '../../core/state';
import { builtinDatasetDescription } from './builtin';
import { BUILTIN_DATASETS } from './builtin-datasets';

/** The target and task of a built-in data set (throws naming the known ones when there is no such set). */
function builtinTarget(name: string): { target: string; task: Task } {
  if (!Object.hasOwn(BUILTIN_DATASETS, name)) throw new Error(`Unknown built-in data set "${name}"; expected one of ${Object.keys(BUILTIN_DATASETS).join(', ')}.`);
  return { target: BUILTIN_DATASETS[name].target, task: BUILTIN_DATASETS[name].task };
}

/** What the Python export knows of a built-in data set (loaded with the export only, see src/steps/python-catalog.ts): scikit-learn loads it by name where it bundles it. */
export const builtinDatasetPython = describePython(builtinDatasetDescription, {
  data: { python: (p) => ({ ...builtinTarget(p.name), dataset: p.name, classes: null, labels: false, fileName: null }) },
});
