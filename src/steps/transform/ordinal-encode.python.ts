import { describePython } from '../../core/step-description';
import { ordinalEncodeDescription } from './ordinal-encode';
import { pyColumns, pyStep } from './transform-python';

/** OrdinalEncode's part of the Python export (loaded with the export only, see src/steps/python-catalog.ts). */
export const ordinalEncodePython = describePython(ordinalEncodeDescription, { transform: { python: (p, out) => pyStep(out, 'ordinal', `Ordinal(${pyColumns(p.columns)})`) } });
