import { describePython } from '../../core/step-description';
import { syntheticDatasetDescription } from './synthetic';

/** What the Python export knows of synthetic data (loaded with the export only, see src/steps/python-catalog.ts): two classes, embedded as CSV. */
export const syntheticDatasetPython = describePython(syntheticDatasetDescription, {
  data: { python: () => ({ target: 'label', task: 'classification', dataset: null, classes: 2, labels: false, fileName: null }) },
});
