import { describePython } from '../../core/step-description';
import { importedDatasetDescription } from './import';

/** What the Python export knows of an imported file (loaded with the export only, see src/steps/python-catalog.ts): the data goes into the script (or beside a notebook) as CSV. */
export const importedDatasetPython = describePython(importedDatasetDescription, {
  data: { python: (p) => ({ target: p.target, task: p.task, dataset: null, classes: null, labels: true, fileName: p.name }) },
});
