import { describeStep, type PythonImports } from '../../core/step-description';
import { pyNumber } from '../../core/python-code';
import { defineStep } from '../step';
import { fitClassifier } from './network/fit-classifier';
import { softmaxLayers, softmaxPredict } from './network/network-model';
import { OPTIMIZER_NAMES, batchLines } from './network/network-python';
import { OPTIMIZER_PARAM, type OptimizerName } from './optim/optimizers';
import { batchSizeParam, epochsParam, l2Param, learningRateParam } from './network/training-params';
import { fitLogisticStep, lbfgsPredict, type LogisticInfo } from './linear/logistic-step';
import type { FittedModel } from '../../core/state';
import { LBFGS_PARAMS, SOLVER_PARAM } from './linear/lbfgs-params';

/** What the palette, forms and restore know of `logisticRegression`: plain data, no code. */
export const logisticRegressionDescription = describeStep({
  kind: 'model.logistic-regression',
  // Version 2 added `solver` (lbfgs, the new default; older documents restore to 'adam': the param's `before`) and C, tol, maxIter.
  version: 2,
  category: 'model',
  label: 'Logistic regression',
  keywords: ['LogisticRegression', 'logit', 'linear classifier', 'softmax', 'multinomial', 'L2 regularisation'],
  help: 'A linear classifier: draws straight boundaries between classes. Fast and a good first baseline. ' +
    "The lbfgs solver fits it like scikit-learn's LogisticRegression; Adam trains it epoch by epoch so you can watch the loss fall.",
  usesRandomness: true,
  needs: ['scaled'],
  params: {
    solver: SOLVER_PARAM,
    ...LBFGS_PARAMS,
    learningRate: learningRateParam(0.1),
    epochs: epochsParam(100),
    batchSize: batchSizeParam(32),
    l2: l2Param(0.1),
    optimizer: OPTIMIZER_PARAM,
  },
  model: {
    task: 'classification',
    replay: 'training',
    python: logisticLines,
    pythonNotes: (p) => p.solver === 'lbfgs' ? [] : [
      `Logistic regression is fitted by lbfgs to convergence instead of pipelab's mini-batch ${OPTIMIZER_NAMES[p.optimizer] ?? String(p.optimizer)} for ${String(p.epochs)} epochs, ` +
        'so the learning rate, epochs and optimizer have no counterpart; ' +
        (p.l2 === 0
          ? 'with l2 = 0 it has no penalty.'
          : 'C = b / (l2 * n_train), with b the batch size (the harmonic mean of the batch sizes when it does not divide n_train), ' +
            "doubled for two classes, gives lbfgs the objective that pipelab's per-batch penalty 0.5 * l2 * |W|^2 / size adds up to over an epoch."),
    ],
  },
});

/** Multinomial (softmax) logistic regression trained by gradient descent on TensorFlow.js. */
export const logisticRegression = defineStep(logisticRegressionDescription, {
  run: (ctx, input, params) =>
    params.solver === 'lbfgs'
      ? Promise.resolve(fitLogisticStep(ctx, input, params, 'model.logistic-regression'))
      : fitClassifier(ctx, input, { ...params, activation: 'relu' }, [], 'Logistic regression', 'model.logistic-regression'),
  fitted: {
    networkUnits: () => 0,
    predict: (model: FittedModel<LogisticInfo>, x, tf) => (model.info.solver === 'lbfgs' ? lbfgsPredict(model, x) : softmaxPredict(model, x, tf)),
    layers: softmaxLayers,
  },
});

/** scikit-learn's LogisticRegression with the objective pipelab's per-batch penalty adds up to. */
function logisticLines(p: { solver: string; C: number; tol: number; maxIter: number; l2: number; batchSize: number; optimizer: OptimizerName }, out: PythonImports): string[] {
  if (p.solver === 'lbfgs') {
    out.use('sklearn.linear_model:LogisticRegression');
    return [`model = LogisticRegression(C=${pyNumber(p.C, 'C')}, tol=${pyNumber(p.tol, 'tol')}, max_iter=${pyNumber(p.maxIter, 'maxIter')}, solver='lbfgs')`];
  }
  const l2 = Number(pyNumber(p.l2, 'l2'));
  out.use('sklearn.linear_model:LogisticRegression');
  if (l2 === 0) return ['model = LogisticRegression(penalty=None, max_iter=10000)'];
  return [
    ...batchLines(p.batchSize),
    "# pipelab adds 0.5 * l2 * |W|^2 / size to each batch's mean loss; over an epoch that is scikit-learn's objective with",
    '# C = b / (l2 * n_train), b the harmonic mean of the batch sizes (the batch size when it divides n_train),',
    "# doubled for two classes (where pipelab's softmax spreads the weights over two vectors)",
    'sizes = [min(batch, n_train - start) for start in range(0, n_train, batch)]',
    `C = len(sizes) / sum(1 / size for size in sizes) / (${l2} * n_train) * (2 if len(np.unique(y_train)) == 2 else 1)`,
    'model = LogisticRegression(C=C, max_iter=10000)',
  ];
}
