// The lbfgs path of the logistic-regression step: scikit-learn's LogisticRegression(solver='lbfgs')
// fitted in float64 on the step's (already scaled) features, with one history entry per L-BFGS
// iteration so the loss chart has something to show. The fitted weights are stored in the softmax
// network's layout (kernel features × classes, bias per class; for two classes the first column is
// zero, which makes the softmax the sigmoid), so the layers export works for both solvers.
import { CancelledError } from '../../../core/errors';
import type { EpochRecord, FittedModel, PipelineState } from '../../../core/state';
import type { StepContext } from '../../step';
import type { NetworkClassifierInfo } from '../network/network-model';
import { classificationInput } from '../inputs/design-matrix';
import { argmaxRows, classifierOutput, rowMajor64 } from '../inputs/rows';
import { fitLogisticLbfgs, type LogisticFit } from './fit-logistic';
import { logisticProbabilities, meanLogLossAt, meanTrueClassLogLoss } from './logistic-probabilities';

/** The lbfgs knobs, with scikit-learn's meaning. */
export interface LbfgsParams {
  readonly C: number;
  readonly tol: number;
  readonly maxIter: number;
}

/** Fits the training rows by L-BFGS and predicts class probabilities for every row. */
export function fitLogisticStep(ctx: StepContext, input: PipelineState, params: LbfgsParams, kind: string): PipelineState {
  const data = classificationInput(input, 'Logistic regression');
  const classes = data.target.categories;
  const d = data.features.length;
  const labelsOf = (rows: Int32Array) => Int32Array.from(rows, (r) => data.target.codes[r]);
  const xAll = rowMajor64(data.features, null, data.rowCount);
  const xTrain = pickRows(xAll, data.split.train, d);
  const xTest = pickRows(xAll, data.split.test, d);
  const yTrain = labelsOf(data.split.train);
  const yTest = labelsOf(data.split.test);
  const history: EpochRecord[] = [];
  const scratch = new Float64Array(2 * classes.length);
  const fit = fitLogisticLbfgs(
    { x: xTrain, rows: data.split.train.length, features: d, labels: yTrain, classes: classes.length, C: params.C },
    {
      tol: params.tol,
      maxIter: params.maxIter,
      onIteration: (epoch, w, trainTrueProbability) => {
        if (ctx.signal.aborted) throw new CancelledError();
        // The same bits as meanLogLoss(logisticProbabilities(w, …)): the objective just computed the training rows'.
        const trainLoss = meanTrueClassLogLoss(trainTrueProbability);
        const testLoss = meanLogLossAt(w, xTest, yTest, d, classes.length, scratch);
        const record = { epoch, trainLoss, testLoss };
        history.push(record);
        ctx.onEpoch(record, params.maxIter);
        if (ctx.replay?.wants(epoch, params.maxIter)) ctx.replay.record(epoch, params.maxIter, snapshotModel(kind, w, d, classes, data.features.map((f) => f.name)));
      },
    },
  );
  const model = lbfgsModel(kind, fit, d, classes, data.features.map((f) => f.name), params.maxIter);
  const probabilities = logisticProbabilities(fit.params, xAll, d, classes.length);
  return { ...classifierOutput(input, model, probabilities, argmaxRows(probabilities, classes.length), classes), history };
}

/** The given rows of a row-major matrix `width` wide, in that order. */
function pickRows(matrix: Float64Array, rows: Int32Array, width: number): Float64Array {
  const out = new Float64Array(rows.length * width);
  for (let i = 0; i < rows.length; i++) out.set(matrix.subarray(rows[i] * width, rows[i] * width + width), i * width);
  return out;
}

/** What a fitted L-BFGS logistic regression records: a one-layer network's info, and the fit (coefficients in float64, iterations, whether it settled, in words). */
export type LbfgsInfo = NetworkClassifierInfo & {
  readonly solver: 'lbfgs';
  readonly iterations: number;
  readonly converged: boolean;
  readonly note: string;
  readonly params: readonly number[];
};

/** A fitted logistic regression's info: L-BFGS's, or a network's (the gradient-descent solvers). */
export type LogisticInfo = LbfgsInfo | (NetworkClassifierInfo & { readonly solver?: undefined });

/** Class probabilities of a fitted lbfgs model for new rows (row-major), in float64 as at fit time. */
export function lbfgsPredict(model: FittedModel<LogisticInfo>, x: ArrayLike<number>): Float32Array {
  const info = model.info;
  if (info.solver !== 'lbfgs' || !Array.isArray(info.params) || !Array.isArray(info.classes)) throw new Error(`The fitted ${model.kind} has no lbfgs coefficients: refit the model.`);
  const { params, classes } = info;
  const features = params.length / (classes.length === 2 ? 1 : classes.length) - 1;
  return Float32Array.from(logisticProbabilities(Float64Array.from(params), Float64Array.from(x), features, classes.length));
}

/** The model at an L-BFGS iteration (parameter vector `w`), for the training replay: lbfgsPredict reads it like the final one. */
function snapshotModel(kind: string, w: Float64Array, d: number, classes: readonly string[], features: string[]): FittedModel<LogisticInfo> {
  const k = classes.length;
  const kernel = new Float64Array(d * k);
  const bias = new Float64Array(k);
  for (let r = 0; r < (k === 2 ? 1 : k); r++) {
    const column = k === 2 ? 1 : r;
    for (let j = 0; j < d; j++) kernel[j * k + column] = w[r * (d + 1) + j];
    bias[column] = w[r * (d + 1) + d];
  }
  const weights = [{ name: 'dense0/kernel', shape: [d, k], values: kernel }, { name: 'dense0/bias', shape: [k], values: bias }];
  const info = { layers: [d, classes.length], activation: 'relu' as const, features, classes, solver: 'lbfgs' as const, params: [...w], iterations: 0, converged: false, note: 'a replay snapshot' };
  return { kind, weights, info };
}

function lbfgsModel(kind: string, fit: LogisticFit, d: number, classes: readonly string[], features: string[], maxIter: number): FittedModel<LbfgsInfo> {
  const k = classes.length;
  const kernel = new Float64Array(d * k);
  const bias = new Float64Array(k);
  const rows = k === 2 ? 1 : k;
  const column = (r: number) => (k === 2 ? 1 : r);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < d; j++) kernel[j * k + column(r)] = fit.coef[r * d + j];
    bias[column(r)] = fit.intercept[r];
  }
  const note = fit.converged
    ? `Converged after ${fit.iterations} L-BFGS iterations.`
    : fit.stop === 'max-iterations'
      ? `Did not converge within maxIter = ${maxIter} iterations: raise maxIter (or tol) for a settled fit.`
      : `Stopped after ${fit.iterations} iterations: the line search found no better point (the fit may not be settled).`;
  return {
    kind,
    weights: [
      { name: 'dense0/kernel', shape: [d, k], values: kernel },
      { name: 'dense0/bias', shape: [k], values: bias },
    ],
    info: { layers: [d, k], activation: 'relu', features, classes, solver: 'lbfgs', iterations: fit.iterations, converged: fit.converged, note, params: [...fit.params] },
  };
}
