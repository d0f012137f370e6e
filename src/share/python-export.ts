import { parseCsv } from '../core/parse-table';
import type { PipelineSpec, StepSpec } from '../core/spec';
import type { Task } from '../core/state';
import { BUILTIN_DATASETS } from '../steps/data/builtin-datasets';

/** What the script needs besides the spec: pipelab's test rows and, for data scikit-learn cannot load by name, the data. */
export interface PythonExportInputs {
  /** Row indices of pipelab's test set (after the steps before the split), so Python uses the very same split. */
  readonly testRows: readonly number[];
  /** The data as CSV when it cannot be loaded by name in Python (synthetic, noise, penguins); null for sklearn's bundled sets. */
  readonly dataCsv: string | null;
}

import { ACTIVATIONS, BUNDLED, EVALUATIONS, KNOWN, MODELS, OPTIMIZERS, TRANSFORMS, own } from './python-tables';
import { HELPERS } from './python-helpers';
import { exportNotes } from './python-notes';

export { exportNotes };

/** The enabled steps, sorted into the stages of the script. */
interface Plan {
  readonly data: StepSpec;
  readonly before: StepSpec[];
  readonly after: StepSpec[];
  model: StepSpec | null;
  evaluate: StepSpec | null;
}

/** What the script knows about its data: target, task, how to load it, and its feature columns where known. */
interface DataInfo {
  readonly target: string;
  readonly task: Task;
  readonly bundled: (typeof BUNDLED)[string] | null;
  readonly numeric: number | null;
  readonly labels: number;
}

/** Imports and helpers the script needs, and its feature columns as the steps change them. */
class Script {
  readonly imports = new Set<string>(['warnings', 'sklearn.exceptions:ConvergenceWarning']);
  readonly helpers = new Set<string>();
  numeric: number | null;
  labels: number;
  constructor(data: DataInfo) {
    this.numeric = data.numeric;
    this.labels = data.labels;
  }
  use(...names: string[]): void {
    for (const n of names) this.imports.add(n);
  }
  helper(key: string): void {
    this.helpers.add(key);
    this.use(...HELPERS[key][0]);
  }
}

function planSteps(spec: PipelineSpec): Plan {
  const steps = spec.steps.filter((s) => s.enabled);
  const unknown = steps.find((s) => !KNOWN.has(s.kind));
  if (unknown) throw new Error(`Step kind "${unknown.kind}" has no Python export; expected one of ${[...KNOWN].join(', ')}.`);
  const [data, ...rest] = steps;
  if (!data?.kind.startsWith('data.')) throw new Error(`The pipeline must start with a data step, but it starts with ${data ? `"${data.kind}"` : 'nothing'}.`);
  const plan: Plan = { data, before: [], after: [], model: null, evaluate: null };
  let stage = 0; // 0: before the split, 1: after it, 2: after the model
  for (const s of rest) {
    const task = own(MODELS, s.kind);
    if (s.kind.startsWith('data.') || (s.kind === 'split.train-test' && stage > 0)) {
      throw new Error(`Step "${s.id}" (${s.kind}) cannot be exported: expected one data step, then one split before the model.`);
    } else if (s.kind === 'split.train-test') stage = 1;
    else if (TRANSFORMS.includes(s.kind) && stage < 2) (stage === 0 ? plan.before : plan.after).push(s);
    else if (task && stage === 1) [plan.model, stage] = [s, 2];
    else if (!task && !TRANSFORMS.includes(s.kind) && plan.model && own(EVALUATIONS, s.kind) === own(MODELS, plan.model.kind)) plan.evaluate = s;
    else throw new Error(`Step "${s.id}" (${s.kind}) cannot be exported here: expected data, transforms, a split, transforms, one model, then its evaluation.`);
  }
  if (stage === 0) throw new Error('The pipeline has no train/test split step: add one before exporting it.');
  return plan;
}

function dataInfo(step: StepSpec, csv: string | null): DataInfo {
  if (step.kind !== 'data.builtin') return { target: 'label', task: 'classification', bundled: null, ...csvColumns(step, csv, 'label') };
  const dataset = own(BUILTIN_DATASETS, step.params.name);
  const bundled = own(BUNDLED, step.params.name);
  if (!dataset || !bundled) throw new Error(`Unknown built-in data set "${String(step.params.name)}"; expected one of ${Object.keys(BUNDLED).join(', ')}.`);
  const base = { target: dataset.target, task: dataset.task, bundled };
  if (csv === null && bundled.load) return { ...base, numeric: bundled.features, labels: 0 };
  return { ...base, bundled: null, ...csvColumns(step, csv, dataset.target) };
}

function csvColumns(step: StepSpec, csv: string | null, target: string): { numeric: number; labels: number } {
  if (csv === null) throw new Error(`Step "${step.id}" (${step.kind}) makes data scikit-learn cannot load by name: pass it as dataCsv.`);
  const columns = parseCsv(csv).columns;
  const features = columns.filter((c) => c.name !== target);
  if (features.length === columns.length) throw new Error(`The data CSV has no target column "${target}".`);
  const numeric = features.filter((c) => c.type === 'numeric').length;
  return { numeric, labels: features.length - numeric };
}

/** A Python string literal for any text (json.dumps-style escapes; the result is plain ASCII). */
function pyString(text: string): string {
  const escape = (ch: string): string => {
    const special: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    const c = ch.codePointAt(0) as number;
    return special[ch] ?? (c < 0x10000 ? `\\u${c.toString(16).padStart(4, '0')}` : `\\U${c.toString(16).padStart(8, '0')}`);
  };
  return `"${text.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/gu, escape)}"`;
}

function pyNumber(value: unknown, what: string, integer = false): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${what} must be a ${integer ? 'whole' : 'finite'} number of at least 0, got ${String(value)}.`);
  }
  return String(value);
}

/** Text without control characters or line breaks, safe inside a Python comment. */
const clean = (text: string): string => text.replace(/[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/gu, ' ');

/** Comment lines (control characters and line breaks replaced, wrapped near 100 columns). */
function comment(text: string, first = '# ', rest = '# '): string[] {
  const words = clean(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  for (const word of words) {
    const prefix = lines.length ? rest : first;
    if (lines.length && (lines[lines.length - 1] + ' ' + word).length <= 100) lines[lines.length - 1] += ' ' + word;
    else lines.push(prefix + word);
  }
  return lines.length ? lines : [first.trimEnd()];
}

const stepLabel = (s: StepSpec): string => clean(`Step "${s.id}" (${s.kind})`);

/** Estimator expression of a transform step on the current columns, or null when it has nothing to do there. */
function transformExpr(step: StepSpec, s: Script, task: Task): string | null {
  const wrap = (name: string, expr: string, columns = 'numeric_columns'): string => {
    if (s.labels === 0 && columns === 'numeric_columns') return expr;
    s.use('sklearn.compose:ColumnTransformer');
    s.helper('columns');
    return `ColumnTransformer([("${name}", ${expr}, ${columns})], remainder="passthrough", sparse_threshold=0)`;
  };
  if (step.kind === 'transform.standardize') {
    s.use('sklearn.preprocessing:StandardScaler');
    return wrap('scale', 'StandardScaler()');
  }
  if (step.kind === 'transform.one-hot') {
    if (s.labels === 0) return null;
    [s.labels, s.numeric] = [0, null];
    s.use('sklearn.preprocessing:OneHotEncoder');
    return wrap('encode', 'OneHotEncoder(handle_unknown="ignore")', 'label_columns');
  }
  const k = Number(pyNumber(step.params.k, 'k', true));
  if (s.numeric !== null && s.numeric <= k) return null;
  const score = task === 'classification' ? 'f_classif' : 'f_regression';
  s.use(`sklearn.feature_selection:${score}`, 'sklearn.feature_selection:SelectKBest');
  if (s.numeric === null) s.helper('upToK');
  const expr = `${s.numeric === null ? 'SelectUpToK' : 'SelectKBest'}(${score}, k=${k})`;
  if (s.numeric !== null) s.numeric = k;
  return wrap('select', expr);
}

function dataLines(spec: PipelineSpec, data: DataInfo, csv: string | null, s: Script): string[] {
  const lines = [`SEED = ${pyNumber(spec.seed, 'seed', true)}`];
  if (data.bundled?.load) {
    s.use(`sklearn.datasets:${data.bundled.load.replace(/\(.*/, '')}`);
    const what = 'The data as scikit-learn bundles it: the same rows and columns as pipelab\'s copy.';
    return [...lines, '', '', 'def load_data():', `    """${what}"""`, `    bunch = ${data.bundled.load}`, `    return bunch.data.astype(float), ${data.bundled.y}`];
  }
  s.helper('csv');
  const chunks = (csv as string).split(/(?<=\n)/).map((line) => `    ${pyString(line)},`);
  return [...lines, `TARGET = ${pyString(data.target)}`, `TASK = "${data.task}"`, 'DATA_CSV = "".join([', ...chunks, '])'];
}

function splitLines(testRows: readonly number[]): string[] {
  if (testRows.length === 0) throw new Error('testRows is empty: export a pipeline that has run, with its test rows.');
  const rows = testRows.map((r) => pyNumber(r, 'a test row', true));
  const wrapped = Array.from({ length: Math.ceil(rows.length / 20) }, (_, i) => `    ${rows.slice(i * 20, i * 20 + 20).join(', ')},`);
  return [
    '# pipelab\'s test rows, so that Python tests on the very same rows; the training rows are the rest',
    'test_idx = np.array([', ...wrapped, '])',
    'if len(y) <= test_idx.max():',
    '    raise SystemExit(f"The data has {len(y)} rows, but pipelab\'s test rows go up to {test_idx.max()}.")',
    'train_idx = np.setdiff1d(np.arange(len(y)), test_idx)',
    'X_train, y_train, X_test, y_test = X[train_idx], y[train_idx], X[test_idx], y[test_idx]',
  ];
}

function beforeSplitLines(plan: Plan, task: Task, s: Script): string[] {
  return plan.before.flatMap((step) => {
    const head = comment(`${stepLabel(step)}: before the split, so it is applied to (and fitted on) every row, as pipelab does`);
    if (step.kind === 'transform.drop-missing') {
      s.helper('missing');
      return [...head, 'keep = complete_rows(X, y)', 'X, y = X[keep], y[keep]'];
    }
    const expr = transformExpr(step, s, task);
    return [...head, expr ? `X = ${expr}.fit_transform(X, y)` : '# (nothing to do on this data)'];
  });
}

function afterSplitLines(plan: Plan, task: Task, s: Script): string[] {
  const lines: string[] = [];
  if (plan.after.some((step) => step.kind === 'transform.drop-missing')) {
    s.helper('missing');
    lines.push('# Rows with missing values are dropped from both sets (pipelab\'s "Drop rows with missing values" after the split)');
    lines.push('keep = complete_rows(X_train, y_train)', 'X_train, y_train = X_train[keep], y_train[keep]');
    lines.push('keep = complete_rows(X_test, y_test)', 'X_test, y_test = X_test[keep], y_test[keep]');
  }
  const used = new Set(['steps', 'memory', 'verbose']);
  const entry = (step: StepSpec, expr: string): string => {
    const base = step.id.replace(/_{2,}/g, '_');
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    return `    (${pyString(name)}, ${expr}),  # ${stepLabel(step)}`;
  };
  const entries = plan.after.flatMap((step) => {
    if (step.kind === 'transform.drop-missing') return [`    # ${stepLabel(step)}: applied above, to both sets`];
    const expr = transformExpr(step, s, task);
    return expr ? [entry(step, expr)] : [`    # ${stepLabel(step)}: nothing to do on this data`];
  });
  if (plan.model) {
    lines.push(...modelLines(plan.model, s));
    entries.push(entry(plan.model, 'model'));
  }
  if (!entries.some((e) => !e.trimStart().startsWith('#'))) return [...lines, 'print(f"train rows: {len(y_train)}, test rows: {len(y_test)}")'];
  s.use('sklearn.pipeline:Pipeline');
  lines.push('pipeline = Pipeline([', ...entries, '])', 'pipeline.fit(X_train, y_train)');
  if (!plan.evaluate || !plan.model) return [...lines, 'print(f"train rows: {len(y_train)}, test rows: {len(y_test)}")'];
  s.helper(task);
  return [...lines, 'print_metrics("test", pipeline, X_test, y_test)', 'print_metrics("train", pipeline, X_train, y_train)'];
}

function modelLines(step: StepSpec, s: Script): string[] {
  const p = step.params;
  const l2 = Number(pyNumber(p.l2, 'l2'));
  if (step.kind === 'model.linear-regression') {
    const intercept = p.fitIntercept === false ? 'False' : 'True';
    s.use(`sklearn.linear_model:${l2 === 0 ? 'LinearRegression' : 'Ridge'}`);
    return [l2 === 0 ? `model = LinearRegression(fit_intercept=${intercept})` : `model = Ridge(alpha=${l2}, fit_intercept=${intercept})`];
  }
  const batch = ['n_train = len(y_train)', `batch = min(${pyNumber(p.batchSize, 'batchSize', true)}, n_train)`];
  if (step.kind !== 'model.logistic-regression') return [...batch, ...mlpLines(step, s)];
  s.use('sklearn.linear_model:LogisticRegression');
  if (l2 === 0) return ['model = LogisticRegression(penalty=None, max_iter=10000)'];
  return [
    ...batch,
    "# pipelab adds 0.5 * l2 * |W|^2 / size to each batch's mean loss; over an epoch that is scikit-learn's objective with",
    '# C = b / (l2 * n_train), b the harmonic mean of the batch sizes (the batch size when it divides n_train),',
    "# doubled for two classes (where pipelab's softmax spreads the weights over two vectors)",
    'sizes = [min(batch, n_train - start) for start in range(0, n_train, batch)]',
    `C = len(sizes) / sum(1 / size for size in sizes) / (${l2} * n_train) * (2 if len(np.unique(y_train)) == 2 else 1)`,
    'model = LogisticRegression(C=C, max_iter=10000)',
  ];
}

function mlpLines(step: StepSpec, s: Script): string[] {
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
  if (!regressor) return [`model = ${call[0]}`, ...call.slice(1)];
  s.use('sklearn.compose:TransformedTargetRegressor', 'sklearn.preprocessing:StandardScaler');
  return [
    '# pipelab standardizes the target on the training rows for training, and maps predictions back',
    `network = ${call[0]}`, ...call.slice(1),
    'model = TransformedTargetRegressor(regressor=network, transformer=StandardScaler())',
  ];
}

function importLines(imports: Set<string>): string[] {
  const from = new Map<string, string[]>();
  for (const i of [...imports].filter((n) => n.includes(':')).sort()) {
    const [module, name] = i.split(':');
    from.set(module, [...(from.get(module) ?? []), name]);
  }
  const plain = [...imports].filter((n) => !n.includes(':')).sort().map((m) => `import ${m}`);
  return [...plain, '', 'import numpy as np', ...[...from].map(([m, names]) => `from ${m} import ${names.join(', ')}`)];
}

/** A Python script that rebuilds the pipeline with scikit-learn on the same data and test rows, and prints pipelab's metrics. */
export function exportPython(spec: PipelineSpec, inputs: PythonExportInputs): string {
  const plan = planSteps(spec);
  const data = dataInfo(plan.data, inputs.dataCsv);
  const task = data.task;
  const s = new Script(data);
  const constants = dataLines(spec, data, inputs.dataCsv, s);
  const before = beforeSplitLines(plan, task, s);
  const after = afterSplitLines(plan, task, s);
  const notes = exportNotes(spec);
  return [
    ...comment(`Pipeline: ${spec.name} (seed ${spec.seed})`),
    '# Generated by pipelab ("Export as code"): rebuilds the same pipeline with scikit-learn on the same data and test rows.',
    '# Run: python3 this_file.py   (needs numpy and scikit-learn >= 1.2; on Debian: apt install python3-sklearn)',
    '#',
    ...(notes.length ? ['# Not mapped exactly:', ...notes.flatMap((n) => comment(n, '# - ', '#   '))] : ['# Every step maps exactly.']),
    '',
    ...importLines(s.imports),
    '',
    'warnings.filterwarnings("ignore", category=ConvergenceWarning)  # training runs a fixed number of epochs, as in pipelab',
    '',
    ...constants,
    ...[...s.helpers].flatMap((h) => ['', '', HELPERS[h][1]]),
    '',
    '',
    'X, y = load_data()',
    ...before,
    ...splitLines(inputs.testRows),
    ...after,
    '',
  ].join('\n');
}
