import { describePython } from '../../core/step-description';
import { dropMissingDescription } from './drop-missing';

/** DropMissing's part of the Python export (loaded with the export only, see src/steps/python-catalog.ts). */
export const dropMissingPython = describePython(dropMissingDescription, { transform: { python: (_p, out) => (out.helper('missing'), { keepRows: 'complete_rows' }) } });
