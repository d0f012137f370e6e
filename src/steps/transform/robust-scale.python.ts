import { describeTransformPython } from '../../core/step-description';
import { robustScaleDescription } from './robust-scale';
import { pyColumns, pyReplace } from './transform-python';

/** RobustScale's part of the Python export: in its own module, so the start page (which holds the description) never carries it: the export loads it through src/steps/python-catalog.ts. */
export const robustScalePython = describeTransformPython(robustScaleDescription, {
  python: (p, out) => ({ steps: [pyReplace(out, 'RobustScaler(quantile_range=(25.0, 75.0))', 'sklearn.preprocessing:RobustScaler', pyColumns(p.columns))] }),
});
