import { describePython } from '../../core/step-description';
import { pyNumber } from '../../core/python-code';
import { pcaDescription } from './pca';
import { pyColumns, pyStep } from './transform-python';

/** Pca's part of the Python export (loaded with the export only, see src/steps/python-catalog.ts). */
export const pcaPython = describePython(pcaDescription, { transform: { python: (p, out) => pyStep(out, 'components', `Components(${pyNumber(p.nComponents, 'nComponents', true)}, ${pyColumns(p.columns)})`) } });
