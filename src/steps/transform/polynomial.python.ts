import { describePython } from '../../core/step-description';
import { pyBool, pyNumber } from '../../core/python-code';
import { polynomialDescription } from './polynomial';
import { pyColumns, pyStep } from './transform-python';

/** Polynomial's part of the Python export (loaded with the export only, see src/steps/python-catalog.ts). */
export const polynomialPython = describePython(polynomialDescription, { transform: {
  python: (p, out) => pyStep(out, 'products', `Products(${pyNumber(p.degree, 'degree', true)}, ${pyBool(p.interactionOnly)}, ${pyColumns(p.columns)})`),
  pythonNotes: () => ['Polynomial features: PolynomialFeatures refuses missing values, where pipelab gives a missing product; fill them in or drop those rows first.'],
} });
