import { describePython } from '../../core/step-description';
import { pyNumber } from '../../core/python-code';
import { selectKBestDescription } from './select-k-best';
import { pyStep } from './transform-python';

/** SelectKBest's part of the Python export (loaded with the export only, see src/steps/python-catalog.ts). */
export const selectKBestPython = describePython(selectKBestDescription, { transform: {
  python: (p, out, task) => {
    const score = task === 'classification' ? 'f_classif' : 'f_regression';
    out.use(`sklearn.feature_selection:${score}`);
    return pyStep(out, 'best', `SelectBest(${score}, ${pyNumber(p.k, 'k', true)})`);
  },
  pythonNotes: (_p, facts) => [
    'Select k best: scikit-learn breaks ties between equal scores in favour of later columns (pipelab: earlier ones), ranks constant columns last (pipelab scores them 0) ' +
      'and needs columns without missing values (pipelab skips the gaps)' +
      (facts.task === 'regression' ? "; it ranks regression features by F, in the same order as pipelab's |Pearson correlation|." : '.'),
  ],
} });
