import { describeTransformPython } from '../../core/step-description';
import { minMaxDescription } from './min-max';
import { pyColumns, pyReplace } from './transform-python';

/** MinMax's part of the Python export: in its own module, so the start page (which holds the description) never carries it: the export loads it through src/steps/python-catalog.ts. */
export const minMaxPython = describeTransformPython(minMaxDescription, { python: (p, out) => ({ steps: [pyReplace(out, 'MinMaxScaler()', 'sklearn.preprocessing:MinMaxScaler', pyColumns(p.columns))] }) });
