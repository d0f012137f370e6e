import { describeTransformPython } from '../../core/step-description';
import { dropColumnsDescription } from './drop-columns';
import { pyColumns, pyStep } from './transform-python';

/** DropColumns's part of the Python export: in its own module, so the start page (which holds the description) never carries it: the export loads it through src/steps/python-catalog.ts. */
export const dropColumnsPython = describeTransformPython(dropColumnsDescription, { python: (p, out) => pyStep(out, 'keep', `Keep(${pyColumns(p.columns)}, keep=False)`) });
