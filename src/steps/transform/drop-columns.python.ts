import { describePython } from '../../core/step-description';
import { dropColumnsDescription } from './drop-columns';
import { pyColumns, pyStep } from './transform-python';

/** DropColumns's part of the Python export (loaded with the export only, see src/steps/python-catalog.ts). */
export const dropColumnsPython = describePython(dropColumnsDescription, { transform: { python: (p, out) => pyStep(out, 'keep', `Keep(${pyColumns(p.columns)}, keep=False)`) } });
