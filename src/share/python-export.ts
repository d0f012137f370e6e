import type { PipelineSpec, StepSpec } from '../core/spec';
import type { Task } from '../core/state';
import { scoredTask, type DataDescription, type EvaluationDescription, type StepDescription } from '../core/step-description';
import { stepCatalog } from '../steps/catalog';
import { pythonOf } from '../steps/python-catalog';
import { comment, pyNumber, pyString, stepLabel } from '../core/python-code';
import { modelLines } from './python-models';
import { exportNotes } from './python-notes';
import { ScriptNeeds } from './python-script';
import { BUNDLED, KNOWN, exported, own } from './python-tables';
import { transformPython } from './python-transforms';

/** What the script needs besides the spec: pipelab's test rows and, for data scikit-learn cannot load by name, the data. */
export interface PythonExportInputs {
  /** Row indices of pipelab's test set (after the steps before the split), so Python uses the very same split. */
  readonly testRows: readonly number[];
  /** The data as CSV when it cannot be loaded by name in Python (imported, synthetic, noise, penguins); null for sklearn's bundled sets. */
  readonly dataCsv: string | null;
}

export { exportNotes };

/** An enabled step with its description. */
interface Described {
  readonly step: StepSpec;
  readonly d: StepDescription;
}

/** The enabled steps, sorted into the stages of the script. */
interface Plan {
  readonly data: Described;
  readonly before: Described[];
  readonly after: Described[];
  model: StepSpec | null;
  readonly evaluations: Described[];
}

/** What the script knows about its data: target, task, and how to load it. */
interface DataInfo {
  readonly target: string;
  readonly task: Task;
  readonly bundled: (typeof BUNDLED)[string] | null;
}

/** The step's description when the export writes it; else an error saying why not (the step's own refusal, or what it can export). */
function describeExported(step: StepSpec): Described {
  const d = stepCatalog.describe(step.kind);
  const refusal = pythonOf(step.kind)?.refusal;
  if (refusal !== undefined) throw new Error(`Step "${step.id}" (${step.kind}) cannot be exported to Python: ${refusal}`);
  if (!d || !exported(d)) throw new Error(`Step kind "${step.kind}" has no Python export; expected one of ${[...KNOWN].join(', ')}.`);
  return { step, d };
}

function planSteps(spec: PipelineSpec): Plan {
  const [data, ...rest] = spec.steps.filter((s) => s.enabled).map(describeExported);
  if (data?.d.category !== 'data') throw new Error(`The pipeline must start with a data step, but it starts with ${data ? `"${data.step.kind}"` : 'nothing'}.`);
  const plan: Plan = { data, before: [], after: [], model: null, evaluations: [] };
  let stage = 0; // 0: before the split, 1: after it, 2: after the model
  let modelTask: Task | null = null;
  for (const s of rest) {
    const { category, model } = s.d;
    const transform = pythonOf(s.step.kind)?.transform;
    if (category === 'data' || (category === 'split' && stage > 0)) {
      throw new Error(`Step "${s.step.id}" (${s.step.kind}) cannot be exported: expected one data step, then one split before the model.`);
    } else if (category === 'split') stage = 1;
    else if (transform && stage < 2) (stage === 0 ? plan.before : plan.after).push(s);
    else if (model && stage === 1) [plan.model, modelTask, stage] = [s.step, model.task, 2];
    else if (modelTask && scoredTask(s.d) === modelTask) plan.evaluations.push(s);
    else throw new Error(`Step "${s.step.id}" (${s.step.kind}) cannot be exported here: expected data, transforms, a split, transforms, one model, then its evaluation.`);
  }
  if (stage === 0) throw new Error('The pipeline has no train/test split step: add one before exporting it.');
  return plan;
}

function dataInfo({ step, d }: Described, csv: string | null): DataInfo {
  const facts = (pythonOf(d.kind)?.data as DataDescription).python(step.params);
  const bundled = facts.dataset === null ? null : own(BUNDLED, facts.dataset);
  if (bundled === undefined) throw new Error(`Unknown built-in data set "${String(facts.dataset)}"; expected one of ${Object.keys(BUNDLED).join(', ')}.`);
  if (csv === null && !bundled?.load) throw new Error(`Step "${step.id}" (${step.kind}) makes data scikit-learn cannot load by name: pass it as dataCsv.`);
  return { target: facts.target, task: facts.task, bundled: csv === null ? bundled : null };
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
function transformLines({ step }: Described, task: Task, s: ScriptNeeds, afterSplit: boolean): string[] {
  const head = ['', ...comment(afterSplit
    ? `${stepLabel(step)}: fitted on the training rows, applied to both sets`
    : `${stepLabel(step)}: before the split, so it is fitted on and applied to every row, as pipelab does`)];
  const code = transformPython(step, s, task);
  if ('keepRows' in code) {
    const keep = (X: string, y: string): string[] => [`keep = ${code.keepRows}(${X}, ${y})`, `${X}, ${y} = ${X}[keep], ${y}[keep]`];
    return [...head, ...(afterSplit ? [...keep('X_train', 'y_train'), ...keep('X_test', 'y_test')] : keep('X', 'y'))];
  }
  const apply = afterSplit ? 'names, X_train, X_test = fit_apply(STEP, names, X_train, y_train, X_test)' : 'names, X = fit_apply(STEP, names, X, y)';
  return [...head, ...code.steps.map((expr) => apply.replace('STEP', expr))];
}

function modelPart(plan: Plan, task: Task, s: ScriptNeeds): string[] {
  if (!plan.model) return ['', 'print(f"train rows: {len(y_train)}, test rows: {len(y_test)}")'];
  const lines = ['', ...comment(`${stepLabel(plan.model)}, fitted on the training rows`),
    'X_train, X_test = X_train.astype(float), X_test.astype(float)', ...modelLines(plan.model, s), 'model.fit(X_train, y_train)'];
  if (plan.evaluations.length === 0) return [...lines, 'print(f"train rows: {len(y_train)}, test rows: {len(y_test)}")'];
  s.helper(task);
  s.helper('show');
  lines.push('', 'results = {}');
  for (const e of plan.evaluations) lines.push(`# ${stepLabel(e.step)}`, (pythonOf(e.d.kind)?.evaluation as EvaluationDescription).python(s));
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
