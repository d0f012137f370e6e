import { describePython } from '../../core/step-description';
import { selectColumnsDescription } from './select-columns';
import { pyColumns, pyStep } from './transform-python';

/** SelectColumns's part of the Python export (loaded with the export only, see src/steps/python-catalog.ts). */
export const selectColumnsPython = describePython(selectColumnsDescription, { transform: { python: (p, out) => pyStep(out, 'keep', `Keep(${pyColumns(p.columns)}, keep=True)`) } });
