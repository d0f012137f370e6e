import { describePython } from '../../core/step-description';
import { evaluateClassificationDescription } from './classification';

/** The classification scores' line of the Python script (loaded with the export only, see src/steps/python-catalog.ts). */
export const evaluateClassificationPython = describePython(evaluateClassificationDescription, { evaluation: { python: () => 'results = evaluate(model, X_train, y_train, X_test, y_test)' } });
