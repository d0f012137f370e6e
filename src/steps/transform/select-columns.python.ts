import { describeTransformPython } from '../../core/step-description';
import { selectColumnsDescription } from './select-columns';
import { pyColumns, pyStep } from './transform-python';

/** SelectColumns's part of the Python export: in its own module, so the start page (which holds the description) never carries it: the export loads it through src/steps/python-catalog.ts. */
export const selectColumnsPython = describeTransformPython(selectColumnsDescription, { python: (p, out) => pyStep(out, 'keep', `Keep(${pyColumns(p.columns)}, keep=True)`) });
