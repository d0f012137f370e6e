import { describePython } from '../../core/step-description';
import { classificationReportDescription } from './report';

/** The per-class report's line of the Python script (loaded with the export only, see src/steps/python-catalog.ts). */
export const classificationReportPython = describePython(classificationReportDescription, { evaluation: { python: (out) => (out.helper('report'), 'results = add_report(results, model, X_test, y_test)') } });
