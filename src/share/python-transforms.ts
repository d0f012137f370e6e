import type { StepSpec } from '../core/spec';
import type { Task } from '../core/state';
import { pyBool, pyNumber, pySigned, pyStrings } from '../core/python-code';
import type { ScriptNeeds } from './python-script';

// Each pipelab transform as a Python expression: one of the script's step classes
// (python-steps.ts) around the scikit-learn estimator that does the work.

type TransformWriter = (step: StepSpec, s: ScriptNeeds, task: Task) => string | string[];

const columns = (step: StepSpec): string => pyStrings(step.params.columns ?? [], `Step "${step.id}": columns`);

/** A Replace step around an estimator, on the listed number columns (every one when none are listed). */
function replace(s: ScriptNeeds, estimator: string, imports: string, cols = '[]'): string {
  s.helper('replace');
  s.use(imports);
  return `Replace(${estimator}, ${cols})`;
}

/** The date-parts step's part params and the suffixes its columns get, in pipelab's column order. */
const DATE_PARTS = [['year', 'year'], ['month', 'month'], ['dayOfWeek', 'day_of_week'], ['dayOfYear', 'day_of_year'], ['hour', 'hour']] as const;

const WRITERS: Readonly<Record<string, TransformWriter>> = {
  'transform.standardize': (_step, s) => replace(s, 'StandardScaler()', 'sklearn.preprocessing:StandardScaler'),
  'transform.min-max': (step, s) => replace(s, 'MinMaxScaler()', 'sklearn.preprocessing:MinMaxScaler', columns(step)),
  'transform.robust-scale': (step, s) => replace(s, 'RobustScaler(quantile_range=(25.0, 75.0))', 'sklearn.preprocessing:RobustScaler', columns(step)),
  'transform.impute': (step, s) => {
    const strategy = String(step.params.strategy);
    if (!['mean', 'median', 'most_frequent', 'constant'].includes(strategy)) throw new Error(`Unknown impute strategy "${strategy}".`);
    const fill = strategy === 'constant' ? `, fill_value=${pySigned(step.params.fillValue, 'fillValue')}` : '';
    const labels = strategy === 'constant' ? 'strategy="constant", fill_value="missing"' : 'strategy="most_frequent"';
    const numbers = replace(s, `SimpleImputer(strategy="${strategy}"${fill})`, 'sklearn.impute:SimpleImputer', columns(step));
    return [numbers, `Replace(SimpleImputer(${labels}, missing_values=None), ${columns(step)}, ("label",))`];
  },
  'transform.ordinal-encode': (step, s) => {
    s.helper('ordinal');
    return `Ordinal(${columns(step)})`;
  },
  'transform.one-hot': (_step, s) => {
    s.helper('oneHot');
    return 'OneHot()';
  },
  'transform.polynomial': (step, s) => {
    s.helper('products');
    return `Products(${pyNumber(step.params.degree, 'degree', true)}, ${pyBool(step.params.interactionOnly)}, ${columns(step)})`;
  },
  'transform.pca': (step, s) => {
    s.helper('components');
    return `Components(${pyNumber(step.params.nComponents, 'nComponents', true)}, ${columns(step)})`;
  },
  'transform.date-parts': (step, s) => {
    s.helper('dateParts');
    const parts = DATE_PARTS.filter(([key]) => step.params[key] === true).map(([, suffix]) => suffix);
    return `DateParts(${columns(step)}, ${pyStrings(parts, 'date parts')}, ${pyBool(step.params.cyclical)})`;
  },
  'transform.select-columns': (step, s) => {
    s.helper('keep');
    return `Keep(${columns(step)}, keep=True)`;
  },
  'transform.drop-columns': (step, s) => {
    s.helper('keep');
    return `Keep(${columns(step)}, keep=False)`;
  },
  'transform.select-k-best': (step, s, task) => {
    const score = task === 'classification' ? 'f_classif' : 'f_regression';
    s.helper('best');
    s.use(`sklearn.feature_selection:${score}`);
    return `SelectBest(${score}, ${pyNumber(step.params.k, 'k', true)})`;
  },
};

/** The step objects (Python expressions) of a transform other than drop-missing, which the script handles itself. */
export function transformSteps(step: StepSpec, s: ScriptNeeds, task: Task): string[] {
  const writer = Object.hasOwn(WRITERS, step.kind) ? WRITERS[step.kind] : undefined;
  if (!writer) throw new Error(`Step kind "${step.kind}" has no Python transform; expected one of ${Object.keys(WRITERS).join(', ')}.`);
  const out = writer(step, s, task);
  return Array.isArray(out) ? out : [out];
}

/** Kinds transformSteps writes (drop-missing aside). */
export const WRITTEN_TRANSFORMS: readonly string[] = Object.keys(WRITERS);

