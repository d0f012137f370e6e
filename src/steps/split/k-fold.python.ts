import { describePython } from '../../core/step-description';
import { kFoldSplitDescription } from './k-fold';

/** Why the Python export refuses k-fold cross-validation (loaded with the export only, see src/steps/python-catalog.ts). */
export const kFoldSplitPython = describePython(kFoldSplitDescription, {
  refusal:
    "cross-validation is not exported yet: the script would need all of pipelab's folds; " +
    'replace the k-fold step with a train/test split to export, or run the cross-validation in pipelab (or with npx pipelab run)',
});
