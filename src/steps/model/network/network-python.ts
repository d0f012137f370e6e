import { pyNumber } from '../../../core/python-code';
import type { PythonImports } from '../../../core/step-description';
import type { Activation } from './net-shape';
import type { NetTrainingParams } from './fit-classifier';
import type { OptimizerName } from '../optim/optimizers';

// The Python export of pipelab's networks: scikit-learn's MLPs with the same objective, and what differs.

/** pipelab activation → scikit-learn activation. */
const SKLEARN_ACTIVATION: Readonly<Record<Activation, string>> = { relu: 'relu', tanh: 'tanh', sigmoid: 'logistic' };
/** pipelab optimizer → its name in notes. */
export const OPTIMIZER_NAMES: Readonly<Record<OptimizerName, string>> = { adam: 'Adam', sgd: 'SGD', momentum: 'SGD with momentum', rmsprop: 'RMSProp' };

/** The lines computing the batch size scikit-learn gets. */
export const batchLines = (batchSize: number): string[] => ['n_train = len(y_train)', `batch = min(${pyNumber(batchSize, 'batchSize', true)}, n_train)`];

/** The params of an MLP step. */
export type MlpParams = NetTrainingParams & { readonly hiddenLayers: readonly number[] };

/** `model = MLPClassifier(...)` or, for regression, the network inside a target-standardizing wrapper. */
export function mlpLines(p: MlpParams, out: PythonImports, regressor: boolean): string[] {
  const activation = SKLEARN_ACTIVATION[p.activation];
  if (!activation || !Object.hasOwn(OPTIMIZER_NAMES, p.optimizer)) throw new Error(`Unknown activation "${String(p.activation)}" or optimizer "${String(p.optimizer)}".`);
  const sgd = p.optimizer === 'sgd' || p.optimizer === 'momentum';
  const hidden = p.hiddenLayers.map((h) => pyNumber(h, 'a hidden layer size', true));
  const epochs = pyNumber(p.epochs, 'epochs', true);
  const half = regressor ? 2 : 1; // scikit-learn's squared loss is half pipelab's mean squared error
  const args = [
    `hidden_layer_sizes=(${hidden.join(', ')}${hidden.length === 1 ? ',' : ''})`, `activation="${activation}"`,
    `solver="${sgd ? 'sgd' : 'adam'}"`, `learning_rate_init=${Number(pyNumber(p.learningRate, 'learningRate')) * (sgd ? half : 1)}`,
    'batch_size=batch', `alpha=${Number(pyNumber(p.l2, 'l2')) / half}`, `max_iter=${epochs}`, 'shuffle=True', 'random_state=SEED',
    `n_iter_no_change=${epochs}`, 'tol=0.0',
    ...(sgd ? [`momentum=${p.optimizer === 'momentum' ? '0.9' : '0.0'}`, 'nesterovs_momentum=False'] : ['epsilon=1e-7']),
  ];
  const cls = regressor ? 'MLPRegressor' : 'MLPClassifier';
  out.use(`sklearn.neural_network:${cls}`);
  const call = [`${cls}(`, ...args.map((a) => `    ${a},`), ')'];
  if (!regressor) return [...batchLines(p.batchSize), `model = ${call[0]}`, ...call.slice(1)];
  out.use('sklearn.compose:TransformedTargetRegressor', 'sklearn.preprocessing:StandardScaler');
  return [
    ...batchLines(p.batchSize),
    '# pipelab standardizes the target on the training rows for training, and maps predictions back',
    `network = ${call[0]}`, ...call.slice(1),
    'model = TransformedTargetRegressor(regressor=network, transformer=StandardScaler())',
  ];
}

/** What a network's script cannot reproduce exactly. */
export function networkNotes(p: MlpParams, regressor: boolean, twoClasses: boolean): string[] {
  const notes = [
    "Initial weights and the order of rows in each epoch come from numpy's generator (random_state = the seed), not from " +
      "pipelab's, so the numbers differ slightly from pipelab's; scikit-learn also draws the initial biases (pipelab starts them at 0)" +
      (p.activation === 'sigmoid' ? ' and, for the sigmoid (logistic) activation, draws weights from a narrower range.' : '.'),
    'scikit-learn trains the network in float64; pipelab trains it in float32 on TensorFlow.js.',
  ];
  if (p.optimizer === 'rmsprop') notes.push('RMSProp has no scikit-learn counterpart: the script trains the network with Adam instead.');
  if (p.optimizer === 'adam' || p.optimizer === 'rmsprop') {
    notes.push("scikit-learn adds Adam's epsilon (1e-7) before the bias correction, TensorFlow.js after it (a difference in the first updates only).");
  }
  if (regressor) {
    notes.push("scikit-learn's squared loss is half the mean squared error pipelab minimises, so alpha is l2 / 2 (and SGD's learning rate is doubled) to keep the same objective.");
  } else if (twoClasses) {
    notes.push("With two classes scikit-learn's network ends in one logistic unit where pipelab's ends in a two-unit softmax, whose L2 penalty acts half as strongly on the last layer.");
  }
  return notes;
}
