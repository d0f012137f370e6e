import { describeTransformPython } from '../../core/step-description';
import { pyNumber } from '../../core/python-code';
import { pcaDescription } from './pca';
import { pyColumns, pyStep } from './transform-python';

/** Pca's part of the Python export: in its own module, so the start page (which holds the description) never carries it: the export loads it through src/steps/python-catalog.ts. */
export const pcaPython = describeTransformPython(pcaDescription, { python: (p, out) => pyStep(out, 'components', `Components(${pyNumber(p.nComponents, 'nComponents', true)}, ${pyColumns(p.columns)})`) });
