import type { FittedModel, PipelineState } from '../../../core/state';
import type { NetworkClassifierInfo } from './network-model';
import type { StepContext } from '../../step';
import { classificationInput, designMatrix, oneHotTargets } from '../inputs/design-matrix';
import { predictNet, trainNet, type Activation, type NetShape } from './neural-net';
import type { OptimizerName } from '../optim/optimizers';
import { argmaxRows } from '../inputs/rows';
import { replaySnapshots } from './replay-snapshots';

/** The training params every network step has (logistic regression's activation is unused: no hidden layer). */
export interface NetTrainingParams {
  readonly learningRate: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly l2: number;
  readonly optimizer: OptimizerName;
  readonly activation: Activation;
}

/**
 * Trains a softmax network (no hidden layers: logistic regression) on the training
 * rows and predicts class probabilities for every row.
 */
export async function fitClassifier(
  ctx: StepContext,
  input: PipelineState,
  params: NetTrainingParams,
  hidden: readonly number[],
  label: string,
  kind: string,
): Promise<PipelineState> {
  const data = classificationInput(input, label);
  const classes = data.target.categories;
  const shape: NetShape = {
    sizes: [data.features.length, ...hidden, classes.length],
    activation: params.activation,
    output: 'softmax',
  };
  const info = { layers: shape.sizes, activation: shape.activation, features: data.features.map((f) => f.name), classes };
  const { weights, history } = await trainNet({
    tf: ctx.tf,
    shape,
    xTrain: designMatrix(data.features, data.split.train, data.rowCount),
    yTrain: oneHotTargets(data.target, data.split.train),
    xTest: designMatrix(data.features, data.split.test, data.rowCount),
    yTest: oneHotTargets(data.target, data.split.test),
    optimizer: params.optimizer,
    learningRate: params.learningRate,
    epochs: params.epochs,
    batchSize: params.batchSize,
    l2: params.l2,
    epsilon: ctx.epsilon,
    rng: ctx.rng,
    signal: ctx.signal,
    onEpoch: (record) => ctx.onEpoch(record, params.epochs),
    snapshot: replaySnapshots(ctx, params.epochs, (w) => ({ kind, weights: w, info })),
  });
  const probabilities = predictNet(ctx.tf, shape, weights, designMatrix(data.features, null, data.rowCount));
  const labels = argmaxRows(probabilities, classes.length);
  const model: FittedModel<NetworkClassifierInfo> = { kind, weights, info };
  return {
    ...input,
    model,
    predictions: { task: 'classification', classes, probabilities, labels },
    history,
    evaluation: null,
  };
}
