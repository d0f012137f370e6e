import { describeTransformPython } from '../../core/step-description';
import { dropMissingDescription } from './drop-missing';

/** DropMissing's part of the Python export: in its own module, so the start page (which holds the description) never carries it: the export loads it through src/steps/python-catalog.ts. */
export const dropMissingPython = describeTransformPython(dropMissingDescription, { python: (_p, out) => (out.helper('missing'), { keepRows: 'complete_rows' }) });
