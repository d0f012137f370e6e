import { describeTransformPython } from '../../core/step-description';
import { ordinalEncodeDescription } from './ordinal-encode';
import { pyColumns, pyStep } from './transform-python';

/** OrdinalEncode's part of the Python export: in its own module, so the start page (which holds the description) never carries it: the export loads it through src/steps/python-catalog.ts. */
export const ordinalEncodePython = describeTransformPython(ordinalEncodeDescription, { python: (p, out) => pyStep(out, 'ordinal', `Ordinal(${pyColumns(p.columns)})`) });
