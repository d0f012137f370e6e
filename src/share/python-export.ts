import type { PipelineSpec, StepSpec } from '../core/spec';
import type { Task } from '../core/state';
import { BUILTIN_DATASETS } from '../steps/data/builtin-datasets';
import { comment, pyNumber, pyString, stepLabel } from '../core/python-code';
import { modelLines } from './python-models';
import { exportNotes } from './python-notes';
import { ScriptNeeds } from './python-script';
import { BUNDLED, EVALUATIONS, KNOWN, MODELS, REFUSED, TRANSFORMS, own } from './python-tables';
import { transformSteps } from './python-transforms';

/** What the script needs besides the spec: pipelab's test rows and, for data scikit-learn cannot load by name, the data. */
export interface PythonExportInputs {
  /** Row indices of pipelab's test set (after the steps before the split), so Python uses the very same split. */
  readonly testRows: readonly number[];
  /** The data as CSV when it cannot be loaded by name in Python (imported, synthetic, noise, penguins); null for sklearn's bundled sets. */
  readonly dataCsv: string | null;
}

export { exportNotes };

/** The enabled steps, sorted into the stages of the script. */
interface Plan {
  readonly data: StepSpec;
  readonly before: StepSpec[];
  readonly after: StepSpec[];
  model: StepSpec | null;
  readonly evaluations: StepSpec[];
}

/** What the script knows about its data: target, task, and how to load it. */
interface DataInfo {
  readonly target: string;
  readonly task: Task;
  readonly bundled: (typeof BUNDLED)[string] | null;
}

function checkKind(step: StepSpec): void {
  const refused = own(REFUSED, step.kind);
  if (refused) throw new Error(`Step "${step.id}" (${step.kind}) cannot be exported to Python: ${refused}`);
  if (!KNOWN.has(step.kind)) throw new Error(`Step kind "${step.kind}" has no Python export; expected one of ${[...KNOWN].join(', ')}.`);
}

function planSteps(spec: PipelineSpec): Plan {
  const steps = spec.steps.filter((s) => s.enabled);
  steps.forEach(checkKind);
  const [data, ...rest] = steps;
  if (!data?.kind.startsWith('data.')) throw new Error(`The pipeline must start with a data step, but it starts with ${data ? `"${data.kind}"` : 'nothing'}.`);
  const plan: Plan = { data, before: [], after: [], model: null, evaluations: [] };
  let stage = 0; // 0: before the split, 1: after it, 2: after the model
  for (const s of rest) {
    const task = own(MODELS, s.kind);
    if (s.kind.startsWith('data.') || (s.kind === 'split.train-test' && stage > 0)) {
      throw new Error(`Step "${s.id}" (${s.kind}) cannot be exported: expected one data step, then one split before the model.`);
    } else if (s.kind === 'split.train-test') stage = 1;
    else if (TRANSFORMS.includes(s.kind) && stage < 2) (stage === 0 ? plan.before : plan.after).push(s);
    else if (task && stage === 1) [plan.model, stage] = [s, 2];
    else if (plan.model && own(EVALUATIONS, s.kind) === own(MODELS, plan.model.kind)) plan.evaluations.push(s);
    else throw new Error(`Step "${s.id}" (${s.kind}) cannot be exported here: expected data, transforms, a split, transforms, one model, then its evaluation.`);
  }
  if (stage === 0) throw new Error('The pipeline has no train/test split step: add one before exporting it.');
  return plan;
}

function dataInfo(step: StepSpec, csv: string | null): DataInfo {
  const needCsv = (): void => {
    if (csv === null) throw new Error(`Step "${step.id}" (${step.kind}) makes data scikit-learn cannot load by name: pass it as dataCsv.`);
  };
  if (step.kind === 'data.import') {
    needCsv();
    const task = step.params.task === 'regression' ? 'regression' : 'classification';
    return { target: String(step.params.target), task, bundled: null };
  }
  if (step.kind !== 'data.builtin') {
    needCsv();
    return { target: 'label', task: 'classification', bundled: null };
  }
  const dataset = own(BUILTIN_DATASETS, step.params.name);
  const bundled = own(BUNDLED, step.params.name);
  if (!dataset || !bundled) throw new Error(`Unknown built-in data set "${String(step.params.name)}"; expected one of ${Object.keys(BUNDLED).join(', ')}.`);
  if (!(csv === null && bundled.load)) needCsv();
  return { target: dataset.target, task: dataset.task, bundled: csv === null ? bundled : null };
}

function dataLines(spec: PipelineSpec, data: DataInfo, csv: string | null, s: ScriptNeeds): string[] {
  const lines = [`SEED = ${pyNumber(spec.seed, 'seed', true)}`];
  if (data.bundled?.load) {
    s.use(`sklearn.datasets:${data.bundled.load.replace(/\(.*/, '')}`, 're');
    return [
      ...lines, '', '', 'def load_data():',
      '    """The data as scikit-learn bundles it: the same rows and columns as pipelab\'s copy, named as pipelab names them."""',
      `    bunch = ${data.bundled.load}`,
      '    names = [re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") for name in bunch.feature_names]',
      `    return bunch.data.astype(float), ${data.bundled.y}, names`,
    ];
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
    '',
    '# pipelab\'s test rows, so that Python tests on the very same rows; the training rows are the rest',
    'test_idx = np.array([', ...wrapped, '])',
    'if len(y) <= test_idx.max():',
    '    raise SystemExit(f"The data has {len(y)} rows, but pipelab\'s test rows go up to {test_idx.max()}.")',
    'train_idx = np.setdiff1d(np.arange(len(y)), test_idx)',
    'X_train, y_train, X_test, y_test = X[train_idx], y[train_idx], X[test_idx], y[test_idx]',
  ];
}

/** The lines of one transform: before the split fitted on (and applied to) every row, after it fitted on the training rows. */
function transformLines(step: StepSpec, task: Task, s: ScriptNeeds, afterSplit: boolean): string[] {
  const head = ['', ...comment(afterSplit
    ? `${stepLabel(step)}: fitted on the training rows, applied to both sets`
    : `${stepLabel(step)}: before the split, so it is fitted on and applied to every row, as pipelab does`)];
  if (step.kind === 'transform.drop-missing') {
    s.helper('missing');
    if (!afterSplit) return [...head, 'keep = complete_rows(X, y)', 'X, y = X[keep], y[keep]'];
    return [...head, 'keep = complete_rows(X_train, y_train)', 'X_train, y_train = X_train[keep], y_train[keep]',
      'keep = complete_rows(X_test, y_test)', 'X_test, y_test = X_test[keep], y_test[keep]'];
  }
  const apply = afterSplit ? 'names, X_train, X_test = fit_apply(STEP, names, X_train, y_train, X_test)' : 'names, X = fit_apply(STEP, names, X, y)';
  return [...head, ...transformSteps(step, s, task).map((expr) => apply.replace('STEP', expr))];
}

function modelPart(plan: Plan, task: Task, s: ScriptNeeds): string[] {
  if (!plan.model) return ['', 'print(f"train rows: {len(y_train)}, test rows: {len(y_test)}")'];
  const lines = ['', ...comment(`${stepLabel(plan.model)}, fitted on the training rows`),
    'X_train, X_test = X_train.astype(float), X_test.astype(float)', ...modelLines(plan.model, s), 'model.fit(X_train, y_train)'];
  if (plan.evaluations.length === 0) return [...lines, 'print(f"train rows: {len(y_train)}, test rows: {len(y_test)}")'];
  s.helper(task);
  s.helper('show');
  lines.push('', 'results = {}');
  for (const e of plan.evaluations) {
    lines.push(`# ${stepLabel(e)}`);
    if (e.kind === 'evaluate.classification-report') {
      s.helper('report');
      lines.push('results = add_report(results, model, X_test, y_test)');
    } else lines.push('results = evaluate(model, X_train, y_train, X_test, y_test)');
  }
  return [...lines, 'show(results)'];
}

/** A Python script that rebuilds the pipeline with scikit-learn on the same data and test rows, and prints pipelab's metrics. */
export function exportPython(spec: PipelineSpec, inputs: PythonExportInputs): string {
  const plan = planSteps(spec);
  const data = dataInfo(plan.data, inputs.dataCsv);
  const task = data.task;
  const s = new ScriptNeeds();
  s.helper('columns');
  const constants = dataLines(spec, data, inputs.dataCsv, s);
  const classes = task === 'classification' && plan.evaluations.length ? (s.helper('labels'), ['CLASSES = sorted_labels(y)  # every class of the data, in pipelab\'s order']) : [];
  const before = plan.before.flatMap((step) => transformLines(step, task, s, false));
  const after = plan.after.flatMap((step) => transformLines(step, task, s, true));
  const model = modelPart(plan, task, s);
  const notes = exportNotes(spec);
  return [
    ...comment(`Pipeline: ${spec.name} (seed ${spec.seed})`),
    '# Generated by pipelab ("Export as code"): rebuilds the same pipeline with scikit-learn on the same data and test rows.',
    '# Run: python3 this_file.py [--json]   (needs numpy and scikit-learn >= 1.2; on Debian: apt install python3-sklearn)',
    '#',
    ...(notes.length ? ['# Not mapped exactly:', ...notes.flatMap((n) => comment(n, '# - ', '#   '))] : ['# Every step maps exactly.']),
    '',
    ...s.importLines(),
    '',
    'warnings.filterwarnings("ignore", category=ConvergenceWarning)  # training runs a fixed number of epochs, as in pipelab',
    '',
    ...constants,
    ...s.helperLines(),
    '',
    '',
    'X, y, names = load_data()',
    ...classes,
    ...before,
    ...splitLines(inputs.testRows),
    ...after,
    ...model,
    '',
  ].join('\n');
}
