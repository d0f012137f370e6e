import { describePython } from '../../core/step-description';
import { oneHotDescription } from './one-hot';
import { pyStep } from './transform-python';

/** OneHot's part of the Python export (loaded with the export only, see src/steps/python-catalog.ts). */
export const oneHotPython = describePython(oneHotDescription, { transform: { python: (_p, out) => pyStep(out, 'oneHot', 'OneHot()') } });
