import { describeTransformPython } from '../../core/step-description';
import { oneHotDescription } from './one-hot';
import { pyStep } from './transform-python';

/** OneHot's part of the Python export: in its own module, so the start page (which holds the description) never carries it: the export loads it through src/steps/python-catalog.ts. */
export const oneHotPython = describeTransformPython(oneHotDescription, { python: (_p, out) => pyStep(out, 'oneHot', 'OneHot()') });
