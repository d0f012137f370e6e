import { describePython } from '../../core/step-description';
import { evaluateRegressionDescription } from './regression';

/** The regression scores' line of the Python script (loaded with the export only, see src/steps/python-catalog.ts). */
export const evaluateRegressionPython = describePython(evaluateRegressionDescription, { evaluation: { python: () => 'results = evaluate(model, X_train, y_train, X_test, y_test)' } });
