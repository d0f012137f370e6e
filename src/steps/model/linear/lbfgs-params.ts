// The parameter schemas of logistic regression's lbfgs solver, with scikit-learn's names and defaults.
import type { ChoiceParam, NumberParam } from '../../../core/params';

/** Which solver fits logistic regression: lbfgs (scikit-learn's, the default for new steps) or Adam epochs. */
export const SOLVER_PARAM: ChoiceParam<'lbfgs' | 'adam'> = {
  type: 'choice',
  label: 'Solver',
  help: "lbfgs fits to convergence like scikit-learn's LogisticRegression (uses C, tol, max iterations). " +
    'Adam trains for a fixed number of epochs with the learning rate, batch size, L2 and optimizer below, so you can watch the loss curve.',
  default: 'lbfgs',
  // Version 2 of logistic regression added the solver: documents saved before it trained with Adam epochs.
  before: 'adam',
  options: [
    { value: 'lbfgs', label: 'lbfgs (like scikit-learn)' },
    { value: 'adam', label: 'Gradient descent by epochs' },
  ],
};

/** C, tol and max iterations: used by the lbfgs solver only. */
export const LBFGS_PARAMS: { C: NumberParam; tol: NumberParam; maxIter: NumberParam } = {
  C: {
    type: 'number',
    label: 'C (lbfgs)',
    help: 'Inverse regularisation strength, as in scikit-learn: smaller C means a stronger L2 penalty and simpler boundaries.',
    default: 1,
    min: 0.0001,
    max: 10000,
    log: true,
  },
  tol: {
    type: 'number',
    label: 'Tolerance (lbfgs)',
    help: 'lbfgs stops once no gradient component is larger than this. Smaller is more exact and takes more iterations.',
    default: 0.0001,
    min: 1e-10,
    max: 1,
    log: true,
  },
  maxIter: {
    type: 'number',
    label: 'Max iterations (lbfgs)',
    help: 'The most L-BFGS iterations; the model card says when it stopped here before converging.',
    default: 100,
    min: 1,
    max: 10000,
    integer: true,
  },
};
