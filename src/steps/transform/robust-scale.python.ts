import { describePython } from '../../core/step-description';
import { robustScaleDescription } from './robust-scale';
import { pyColumns, pyReplace } from './transform-python';

/** RobustScale's part of the Python export (loaded with the export only, see src/steps/python-catalog.ts). */
export const robustScalePython = describePython(robustScaleDescription, { transform: {
  python: (p, out) => ({ steps: [pyReplace(out, 'RobustScaler(quantile_range=(25.0, 75.0))', 'sklearn.preprocessing:RobustScaler', pyColumns(p.columns))] }),
} });
