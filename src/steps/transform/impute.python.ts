import { describePython } from '../../core/step-description';
import { pySigned } from '../../core/python-code';
import { imputeDescription } from './impute';
import { pyColumns, pyReplace } from './transform-python';

/** Impute's part of the Python export (loaded with the export only, see src/steps/python-catalog.ts). */
export const imputePython = describePython(imputeDescription, { transform: {
  python: (p, out) => {
    const fill = p.strategy === 'constant' ? `, fill_value=${pySigned(p.fillValue, 'fillValue')}` : '';
    const labels = p.strategy === 'constant' ? 'strategy="constant", fill_value="missing"' : 'strategy="most_frequent"';
    const numbers = pyReplace(out, `SimpleImputer(strategy="${p.strategy}"${fill})`, 'sklearn.impute:SimpleImputer', pyColumns(p.columns));
    return { steps: [numbers, `Replace(SimpleImputer(${labels}, missing_values=None), ${pyColumns(p.columns)}, ("label",))`] };
  },
  pythonNotes: (_p, facts) =>
    facts.labels
      ? [
          "Fill in missing values: for label columns, scikit-learn breaks a tie between equally frequent labels by Python's string order, " +
            'pipelab by its label order (numbers by value), which differs only for labels that look like numbers.',
        ]
      : [],
} });
