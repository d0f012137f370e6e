import { describeTransformPython } from '../../core/step-description';
import { standardizeDescription } from './standardize';
import { pyReplace } from './transform-python';

/** Standardize's part of the Python export: in its own module, so the start page (which holds the description) never carries it: the export loads it through src/steps/python-catalog.ts. */
export const standardizePython = describeTransformPython(standardizeDescription, { python: (_p, out) => ({ steps: [pyReplace(out, 'StandardScaler()', 'sklearn.preprocessing:StandardScaler')] }) });
