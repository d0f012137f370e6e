// Fits L2-penalised logistic regression the way scikit-learn's
// `LogisticRegression(solver='lbfgs')` does (sklearn 1.2): L-BFGS from all-zero coefficients on
// Σ log-loss + ½(1/C)‖W‖², stopping at SciPy's tests with gtol = tol and maxiter = max_iter.
import { minimizeLbfgs, type LbfgsStop } from './lbfgs';
import { coefficientRows, logisticObjective, parameterCount, type LogisticProblem } from './logistic-objective';

/** scikit-learn's knobs: tolerance on the largest gradient component, and the iteration cap. */
export interface LogisticFitOptions {
  /** scikit-learn's `tol` (default 1e-4). */
  readonly tol?: number;
  /** scikit-learn's `max_iter` (default 100). */
  readonly maxIter?: number;
  /**
   * Called after each L-BFGS iteration with the parameter vector there and each training row's
   * probability of its true class at that vector (read them, don't keep them).
   */
  readonly onIteration?: (iteration: number, params: Float64Array, trueProbability: Float64Array) => void;
}

/** A fitted model: coefficients (coefficientRows × features, row-major), intercepts, and the run's facts. */
export interface LogisticFit {
  readonly coef: Float64Array;
  readonly intercept: Float64Array;
  /** The raw parameter vector (per row: weights then intercept), as predictClasses reads it. */
  readonly params: Float64Array;
  readonly iterations: number;
  readonly objective: number;
  readonly stop: LbfgsStop;
  /** Whether it stopped on a convergence test rather than the iteration cap or a failed search. */
  readonly converged: boolean;
}

/** Fits `problem`; deterministic (same inputs, same bits). */
export function fitLogisticLbfgs(problem: LogisticProblem, options: LogisticFitOptions = {}): LogisticFit {
  const { tol = 1e-4, maxIter = 100, onIteration } = options;
  if (!(tol > 0)) throw new Error(`Logistic regression: tol must be a positive number, got ${tol}.`);
  if (!Number.isInteger(maxIter) || maxIter < 1) throw new Error(`Logistic regression: max_iter must be a whole number ≥ 1, got ${maxIter}.`);
  // The search's last evaluation is at the accepted point, so the objective's probabilities are those of the iterate.
  const trueProbability = onIteration ? new Float64Array(problem.rows) : null;
  const fg = logisticObjective(problem, trueProbability);
  const result = minimizeLbfgs(fg, new Float64Array(parameterCount(problem)), {
    gtol: tol,
    maxIterations: maxIter,
    onIteration: onIteration && ((i, x) => onIteration(i, x, trueProbability!)),
  });
  const rows = coefficientRows(problem);
  const d = problem.features;
  const coef = new Float64Array(rows * d);
  const intercept = new Float64Array(rows);
  for (let k = 0; k < rows; k++) {
    coef.set(result.x.subarray(k * (d + 1), k * (d + 1) + d), k * d);
    intercept[k] = result.x[k * (d + 1) + d];
  }
  const converged = result.stop === 'gradient' || result.stop === 'reduction';
  return { coef, intercept, params: result.x, iterations: result.iterations, objective: result.f, stop: result.stop, converged };
}
