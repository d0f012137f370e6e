import { detExp } from '../../core/det-math';
import { StepInputError } from '../../core/errors';
import { pyNumber } from '../../core/python-code';
import type { ClassifierInfo, FittedModel } from '../../core/state';
import { describeStep } from '../../core/step-description';
import { defineStep } from '../step';
import { classificationInput } from './inputs/design-matrix';
import { argmaxRows, classifierOutput, rowMajor64, weightValues } from './inputs/rows';
import { minimizeLbfgs } from './linear/lbfgs';

/** What the palette, forms and restore know of `linearSvm`: plain data, no code. */
export const linearSvmDescription = describeStep({
  kind: 'model.linear-svm',
  version: 1,
  category: 'model',
  label: 'Linear SVM',
  keywords: ['SVM', 'support vector machine', 'LinearSVC', 'hinge loss', 'max margin', 'linear classifier'],
  help:
    'A linear classifier that puts its boundary as far from the nearest training rows as it can (a wide margin), one boundary per class against the rest. ' +
    'Scale the features first. Its class shares are a softmax of the margins, not calibrated probabilities.',
  usesRandomness: false,
  needs: ['scaled'],
  params: {
    c: {
      type: 'number',
      label: 'C (inverse regularisation)',
      help: 'How much a row on the wrong side of the margin costs. Larger C fits the training rows more closely; smaller C keeps the boundary simpler.',
      default: 1,
      min: 1e-4,
      max: 1e4,
      log: true,
    },
  },
  model: {
    task: 'classification',
    python: (p, out) => {
      out.use('sklearn.svm:LinearSVC');
      return [
        'class SoftmaxLinearSVC(LinearSVC):',
        '    """LinearSVC with class shares as pipelab gives them: a softmax of the decision values (two classes: of -d and d)."""',
        '    def predict_proba(self, X):',
        '        d = self.decision_function(X)',
        '        d = np.column_stack([-d, d]) if d.ndim == 1 else d',
        '        e = np.exp(d - d.max(axis=1, keepdims=True))',
        '        return e / e.sum(axis=1, keepdims=True)',
        '',
        '',
        `model = SoftmaxLinearSVC(C=${pyNumber(p.c, 'C')}, max_iter=100000, random_state=SEED)`,
      ];
    },
    pythonNotes: () => [
      "Linear SVM: both minimise LinearSVC's objective (squared hinge, l2 penalty, the intercept a penalised bias feature, one class against the rest); " +
        'pipelab by L-BFGS on the primal, liblinear by dual coordinate descent in a random order (random_state = the seed), so the weights agree to ' +
        'the solvers\' tolerances and a row on the boundary can flip. LinearSVC has no probabilities: the script adds pipelab\'s softmax of the decision values.',
    ],
  },
});

/** The fitted weights of one class against the rest: d feature weights, then the bias. */
function fitBinary(x: Float64Array, d: number, sign: Float64Array, c: number): Float64Array {
  const n = sign.length;
  const objective = (w: Float64Array, grad: Float64Array): number => {
    let f = 0;
    for (let j = 0; j <= d; j++) {
      grad[j] = w[j];
      f += 0.5 * w[j] * w[j];
    }
    for (let i = 0; i < n; i++) {
      let m = w[d];
      for (let j = 0; j < d; j++) m += w[j] * x[i * d + j];
      const slack = 1 - sign[i] * m;
      if (slack <= 0) continue;
      f += c * slack * slack;
      const g = -2 * c * slack * sign[i];
      for (let j = 0; j < d; j++) grad[j] += g * x[i * d + j];
      grad[d] += g;
    }
    return f;
  };
  return minimizeLbfgs(objective, new Float64Array(d + 1), { gtol: 1e-8, maxIterations: 5000 }).x;
}

/** Decision values (rows × problems) of the stacked weights for row-major rows. */
function decisions(coef: Float64Array, problems: number, x: ArrayLike<number>, d: number): Float64Array {
  const rows = x.length / d;
  const out = new Float64Array(rows * problems);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < problems; k++) {
      let m = coef[k * (d + 1) + d];
      for (let j = 0; j < d; j++) m += coef[k * (d + 1) + j] * x[i * d + j];
      out[i * problems + k] = m;
    }
  }
  return out;
}

/** Class scores (rows × classes): one column per class, or −d and d for one two-class problem. */
function classScores(dec: Float64Array, problems: number): Float64Array {
  if (problems > 1) return dec;
  const out = new Float64Array(dec.length * 2);
  dec.forEach((v, i) => {
    out[2 * i] = -v;
    out[2 * i + 1] = v;
  });
  return out;
}

/** Row-wise softmax of class scores (the class shares the model reports). */
function softmax(scores: Float64Array, k: number): Float64Array {
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i += k) {
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, scores[i + c]);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += out[i + c] = detExp(scores[i + c] - max);
    for (let c = 0; c < k; c++) out[i + c] /= sum;
  }
  return out;
}

/** The fitted state of a linear SVM: weights per problem (features then bias), features and classes. */
interface LinearSvmFit {
  readonly coef: Float64Array;
  readonly problems: number;
  readonly d: number;
  readonly classes: number;
}

/** What a fitted linear SVM records besides its weights: the C it was fitted with. */
export type LinearSvmInfo = ClassifierInfo & { readonly c: number };

function fitOf(model: FittedModel<LinearSvmInfo>): LinearSvmFit {
  const w = model.weights.find((x) => x.name === 'coef');
  const coef = weightValues(model, 'coef') as Float64Array;
  const [problems, width] = w?.shape ?? [1, coef.length];
  return { coef, problems, d: width - 1, classes: problems === 1 ? 2 : problems };
}

/** Class shares (softmax of the margins) for row-major rows. */
function predictShares(fit: LinearSvmFit, x: ArrayLike<number>): Float64Array {
  return softmax(classScores(decisions(fit.coef, fit.problems, x, fit.d), fit.problems), fit.classes);
}

/**
 * scikit-learn's LinearSVC (squared hinge, l2, C, intercept as a penalised bias feature,
 * one-vs-rest for more than two classes), minimised by L-BFGS: no randomness.
 */
export const linearSvm = defineStep(linearSvmDescription, {
  async run(_ctx, input, params) {
    const data = classificationInput(input, 'The linear SVM');
    const classes = data.target.categories;
    const d = data.features.length;
    const train = data.split.train;
    if (new Set(Array.from(train, (r) => data.target.codes[r])).size < 2) {
      throw new StepInputError('The linear SVM needs at least two classes among the training rows: use more rows or another split.');
    }
    const x = rowMajor64(data.features, train, data.rowCount);
    const problems = classes.length === 2 ? 1 : classes.length;
    const coef = new Float64Array(problems * (d + 1));
    for (let k = 0; k < problems; k++) {
      const positive = problems === 1 ? 1 : k;
      const sign = Float64Array.from(train, (r) => (data.target.codes[r] === positive ? 1 : -1));
      coef.set(fitBinary(x, d, sign, params.c), k * (d + 1));
    }
    const model: FittedModel<LinearSvmInfo> = {
      kind: 'model.linear-svm',
      weights: [{ name: 'coef', shape: [problems, d + 1], values: coef }],
      info: { features: data.features.map((f) => f.name), classes, c: params.c },
    };
    const all = rowMajor64(data.features, null, data.rowCount);
    const scores = classScores(decisions(coef, problems, all, d), problems);
    return classifierOutput(input, model, softmax(scores, classes.length), argmaxRows(scores, classes.length), classes);
  },
  fitted: {
    predict: (model: FittedModel<LinearSvmInfo>, x) => predictShares(fitOf(model), x),
    scores: true,
  },
});
