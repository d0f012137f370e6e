import { describePython } from '../../core/step-description';
import { standardizeDescription } from './standardize';
import { pyReplace } from './transform-python';

/** Standardize's part of the Python export (loaded with the export only, see src/steps/python-catalog.ts). */
export const standardizePython = describePython(standardizeDescription, { transform: { python: (_p, out) => ({ steps: [pyReplace(out, 'StandardScaler()', 'sklearn.preprocessing:StandardScaler')] }) } });
