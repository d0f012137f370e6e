import { describePython } from '../../core/step-description';
import { minMaxDescription } from './min-max';
import { pyColumns, pyReplace } from './transform-python';

/** MinMax's part of the Python export (loaded with the export only, see src/steps/python-catalog.ts). */
export const minMaxPython = describePython(minMaxDescription, { transform: { python: (p, out) => ({ steps: [pyReplace(out, 'MinMaxScaler()', 'sklearn.preprocessing:MinMaxScaler', pyColumns(p.columns))] }) } });
