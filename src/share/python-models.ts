import type { StepSpec } from '../core/spec';
import { pyBool, pyNumber } from './python-code';
import type { ScriptNeeds } from './python-script';
import { ACTIVATIONS, OPTIMIZERS, own } from './python-tables';

// Each pipelab model as the lines of Python that define `model`, a scikit-learn estimator.

type ModelWriter = (step: StepSpec, s: ScriptNeeds) => string[];

/** `model = Cls(args)`, with the class imported from `module`. */
function make(s: ScriptNeeds, module: string, cls: string, args: string[]): string[] {
  s.use(`${module}:${cls}`);
  return [`model = ${cls}(${args.join(', ')})`];
}

function knn(cls: string): ModelWriter {
  return (step, s) => {
    const weights = step.params.weights === 'distance' ? 'distance' : 'uniform';
    return make(s, 'sklearn.neighbors', cls, [`n_neighbors=${pyNumber(step.params.k, 'k', true)}`, `weights="${weights}"`, 'algorithm="kd_tree"']);
  };
}

/** The tree parameters shared by trees and forests, in scikit-learn's names. */
function treeArgs(step: StepSpec, classes: boolean): string[] {
  const p = step.params;
  const criterion = classes ? (p.criterion === 'entropy' ? 'entropy' : 'gini') : 'squared_error';
  return [
    `criterion="${criterion}"`, `max_depth=${pyNumber(p.maxDepth, 'maxDepth', true)}`,
    `min_samples_split=${pyNumber(p.minSamplesSplit ?? 2, 'minSamplesSplit', true)}`,
    `min_samples_leaf=${pyNumber(p.minSamplesLeaf, 'minSamplesLeaf', true)}`,
  ];
}

function tree(cls: string, classes: boolean): ModelWriter {
  return (step, s) => make(s, 'sklearn.tree', cls, [...treeArgs(step, classes), 'random_state=SEED']);
}

function forest(cls: string, classes: boolean): ModelWriter {
  return (step, s) => {
    const p = step.params;
    const features = p.maxFeatures === 'sqrt' ? '"sqrt"' : 'None';
    const args = [`n_estimators=${pyNumber(p.trees, 'trees', true)}`, ...treeArgs(step, classes), `max_features=${features}`, `bootstrap=${pyBool(p.bootstrap)}`];
    return make(s, 'sklearn.ensemble', cls, [...args, 'random_state=SEED']);
  };
}

const WRITERS: Readonly<Record<string, ModelWriter>> = {
  'model.linear-regression': linearLines,
  'model.logistic-regression': logisticLines,
  'model.mlp-classifier': mlpLines,
  'model.mlp-regressor': mlpLines,
  'model.knn-classifier': knn('KNeighborsClassifier'),
  'model.knn-regressor': knn('KNeighborsRegressor'),
  'model.gaussian-nb': (step, s) => make(s, 'sklearn.naive_bayes', 'GaussianNB', [`var_smoothing=${pyNumber(step.params.varSmoothing, 'varSmoothing')}`]),
  'model.decision-tree': tree('DecisionTreeClassifier', true),
  'model.decision-tree-regressor': tree('DecisionTreeRegressor', false),
  'model.random-forest': forest('RandomForestClassifier', true),
  'model.random-forest-regressor': forest('RandomForestRegressor', false),
};

/** The lines that define `model` for a model step. */
export function modelLines(step: StepSpec, s: ScriptNeeds): string[] {
  const writer = Object.hasOwn(WRITERS, step.kind) ? WRITERS[step.kind] : undefined;
  if (!writer) throw new Error(`Step kind "${step.kind}" has no Python model; expected one of ${Object.keys(WRITERS).join(', ')}.`);
  return writer(step, s);
}

/** Kinds modelLines writes. */
export const WRITTEN_MODELS: readonly string[] = Object.keys(WRITERS);

function linearLines(step: StepSpec, s: ScriptNeeds): string[] {
  const l2 = Number(pyNumber(step.params.l2, 'l2'));
  const intercept = step.params.fitIntercept === false ? 'False' : 'True';
  if (l2 === 0) return make(s, 'sklearn.linear_model', 'LinearRegression', [`fit_intercept=${intercept}`]);
  return make(s, 'sklearn.linear_model', 'Ridge', [`alpha=${l2}`, `fit_intercept=${intercept}`]);
}

const batchLines = (step: StepSpec): string[] => ['n_train = len(y_train)', `batch = min(${pyNumber(step.params.batchSize, 'batchSize', true)}, n_train)`];

function logisticLines(step: StepSpec, s: ScriptNeeds): string[] {
  const l2 = Number(pyNumber(step.params.l2, 'l2'));
  s.use('sklearn.linear_model:LogisticRegression');
  if (l2 === 0) return ['model = LogisticRegression(penalty=None, max_iter=10000)'];
  return [
    ...batchLines(step),
    "# pipelab adds 0.5 * l2 * |W|^2 / size to each batch's mean loss; over an epoch that is scikit-learn's objective with",
    '# C = b / (l2 * n_train), b the harmonic mean of the batch sizes (the batch size when it divides n_train),',
    "# doubled for two classes (where pipelab's softmax spreads the weights over two vectors)",
    'sizes = [min(batch, n_train - start) for start in range(0, n_train, batch)]',
    `C = len(sizes) / sum(1 / size for size in sizes) / (${l2} * n_train) * (2 if len(np.unique(y_train)) == 2 else 1)`,
    'model = LogisticRegression(C=C, max_iter=10000)',
  ];
}

function mlpLines(step: StepSpec, s: ScriptNeeds): string[] {
  const p = step.params;
  const regressor = step.kind === 'model.mlp-regressor';
  const activation = own(ACTIVATIONS, p.activation ?? 'relu');
  const optimizer = String(p.optimizer ?? 'adam');
  if (!activation || !own(OPTIMIZERS, optimizer)) throw new Error(`Unknown activation "${String(p.activation)}" or optimizer "${optimizer}".`);
  const sgd = optimizer === 'sgd' || optimizer === 'momentum';
  const hidden = (Array.isArray(p.hiddenLayers) ? p.hiddenLayers : []).map((h) => pyNumber(h, 'a hidden layer size', true));
  const epochs = pyNumber(p.epochs, 'epochs', true);
  const half = regressor ? 2 : 1; // scikit-learn's squared loss is half pipelab's mean squared error
  const args = [
    `hidden_layer_sizes=(${hidden.join(', ')}${hidden.length === 1 ? ',' : ''})`, `activation="${activation}"`,
    `solver="${sgd ? 'sgd' : 'adam'}"`, `learning_rate_init=${Number(pyNumber(p.learningRate, 'learningRate')) * (sgd ? half : 1)}`,
    'batch_size=batch', `alpha=${Number(pyNumber(p.l2, 'l2')) / half}`, `max_iter=${epochs}`, 'shuffle=True', 'random_state=SEED',
    `n_iter_no_change=${epochs}`, 'tol=0.0',
    ...(sgd ? [`momentum=${optimizer === 'momentum' ? '0.9' : '0.0'}`, 'nesterovs_momentum=False'] : ['epsilon=1e-7']),
  ];
  const cls = regressor ? 'MLPRegressor' : 'MLPClassifier';
  s.use(`sklearn.neural_network:${cls}`);
  const call = [`${cls}(`, ...args.map((a) => `    ${a},`), ')'];
  if (!regressor) return [...batchLines(step), `model = ${call[0]}`, ...call.slice(1)];
  s.use('sklearn.compose:TransformedTargetRegressor', 'sklearn.preprocessing:StandardScaler');
  return [
    ...batchLines(step),
    '# pipelab standardizes the target on the training rows for training, and maps predictions back',
    `network = ${call[0]}`, ...call.slice(1),
    'model = TransformedTargetRegressor(regressor=network, transformer=StandardScaler())',
  ];
}
