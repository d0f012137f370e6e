import { describePython } from '../../core/step-description';
import { noiseDatasetDescription } from './noise';

/** What the Python export knows of noise data (loaded with the export only, see src/steps/python-catalog.ts): its classes, embedded as CSV. */
export const noiseDatasetPython = describePython(noiseDatasetDescription, {
  data: { python: (p) => ({ target: 'label', task: 'classification', dataset: null, classes: p.classes, labels: false, fileName: null }) },
});
