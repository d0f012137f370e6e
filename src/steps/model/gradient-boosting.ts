import { CancelledError } from '../../core/errors';
import { pyModel, pyNumber } from '../../core/python-code';
import type { FittedModel, ModelInfo, PipelineState } from '../../core/state';
import { describeStep } from '../../core/step-description';
import { defineStep, type StepContext } from '../step';
import { classificationInput, regressionInput } from './inputs/design-matrix';
import { argmaxRows, classifierOutput, regressorOutput, rowMajor64, weightValues } from './inputs/rows';
import { YIELD_EVERY_MS, yieldToEventLoop } from './inputs/yield';
import { Forest, gridOf, growTree } from './trees/boost-grow';
import { classShares, logLoss, squaredError, type Loss } from './trees/boost-loss';
import { maxDepthParam } from './trees/tree-params';

// scikit-learn's GradientBoostingClassifier/Regressor with subsample 1: each stage fits depth-limited
// regression trees to the negative gradient (trees/boost-grow.ts), classifier leaves take a Newton
// step (trees/boost-loss.ts), and the raw score grows by the learning rate times the tree.

/** The params both boosting steps have (scikit-learn's n_estimators, learning_rate, max_depth). */
interface BoostParams {
  readonly stages: number;
  readonly learningRate: number;
  readonly maxDepth: number;
}

const TIES =
  'Of equally good splits it takes the first feature, then the lowest threshold (scikit-learn tries the features in a random order, so its trees can differ on such ties).';
const PARAMS = {
  stages: { type: 'number', label: 'Boosting stages', help: 'How many rounds of trees; each corrects the errors left by the ones before. More stages fit the training rows more closely.', default: 100, min: 1, max: 1000, integer: true },
  learningRate: { type: 'number', label: 'Learning rate', help: "How much of each tree's correction is kept. Smaller rates need more stages but usually generalise better.", default: 0.1, min: 0.001, max: 1, log: true },
  maxDepth: maxDepthParam(3),
} as const;

const pythonOf = (cls: string) => (p: BoostParams, out: { use(...names: string[]): void }) =>
  pyModel(out, 'sklearn.ensemble', cls, [
    `n_estimators=${pyNumber(p.stages, 'stages', true)}`, `learning_rate=${pyNumber(p.learningRate, 'learningRate')}`,
    `max_depth=${pyNumber(p.maxDepth, 'maxDepth', true)}`, 'random_state=SEED',
  ]);
const NOTES = (): string[] => [`Gradient boosting: ${TIES} Trees of such ties can differ, so scores are close, not always equal.`];

/** What the palette, forms and restore know of `gradientBoosting`: plain data, no code. */
export const gradientBoostingDescription = describeStep({
  kind: 'model.gradient-boosting',
  version: 1,
  category: 'model',
  label: 'Gradient boosting',
  keywords: ['GradientBoostingClassifier', 'GBM', 'gradient boosted trees', 'boosting', 'GBDT', 'XGBoost-like'],
  help: `Small trees added one after another, each fixing the mistakes of the ones before (log loss; one tree per class and stage for more than two classes). Strong on tables, needs no scaling. ${TIES}`,
  usesRandomness: false,
  params: PARAMS,
  model: { task: 'classification', python: pythonOf('GradientBoostingClassifier'), pythonNotes: NOTES },
});

/** What the palette, forms and restore know of `gradientBoostingRegressor`: plain data, no code. */
export const gradientBoostingRegressorDescription = describeStep({
  kind: 'model.gradient-boosting-regressor',
  version: 1,
  category: 'model',
  label: 'Gradient boosting regressor',
  keywords: ['GradientBoostingRegressor', 'GBM', 'gradient boosted trees', 'boosting', 'GBRT', 'XGBoost-like'],
  help: `Predicts a number with small trees added one after another, each fitted to the errors the ones before left (squared error). Needs no scaling. ${TIES}`,
  usesRandomness: false,
  params: PARAMS,
  model: { task: 'regression', python: pythonOf('GradientBoostingRegressor'), pythonNotes: NOTES },
});

/** A boosted model's trees as flat float64 arrays (one node per index); tree t adds to raw output t % outputs. */
interface Boosted {
  readonly feature: Float64Array;
  readonly threshold: Float64Array;
  readonly left: Float64Array;
  readonly right: Float64Array;
  /** Leaf values, learning rate included. */
  readonly value: Float64Array;
  readonly roots: Float64Array;
  /** Initial raw score per output (scikit-learn's init = prior). */
  readonly init: Float64Array;
}

/** Runs the boosting stages on the training rows; yields between stages so a cancel is heard. */
async function boost(ctx: StepContext, columns: readonly Float64Array[], train: Int32Array, loss: Loss, p: BoostParams): Promise<Boosted> {
  const grid = gridOf(columns, train);
  const forest = new Forest();
  const init = loss.init();
  const K = loss.outputs;
  const raw = Float64Array.from({ length: grid.n * K }, (_, j) => init[j % K]);
  let lastYield = performance.now();
  for (let stage = 0; stage < p.stages; stage++) {
    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      ctx.onProgress?.(stage, p.stages, 'stages');
      await yieldToEventLoop();
      lastYield = performance.now();
    }
    if (ctx.signal.aborted) throw new CancelledError();
    const all = loss.residuals(raw);
    for (let k = 0; k < K; k++) {
      const r = K === 1 ? all : Float64Array.from({ length: grid.n }, (_, i) => all[i * K + k]);
      const leafOf = growTree(forest, grid, r, p.maxDepth);
      const rowsOf = new Map<number, number[]>();
      leafOf.forEach((leaf, i) => {
        const rows = rowsOf.get(leaf);
        if (rows) rows.push(i);
        else rowsOf.set(leaf, [i]);
      });
      for (const [leaf, rows] of rowsOf) forest.value[leaf] = p.learningRate * loss.leaf(r, rows, k);
      leafOf.forEach((leaf, i) => (raw[i * K + k] += forest.value[leaf]));
    }
  }
  const f64 = (a: number[]) => Float64Array.from(a);
  return { feature: f64(forest.feature), threshold: f64(forest.threshold), left: f64(forest.left), right: f64(forest.right), value: f64(forest.value), roots: f64(forest.roots), init };
}

/** Raw scores (rows × outputs) of row-major rows; features compared as float32, as in training. */
function rawScores(b: Boosted, x: ArrayLike<number>, d: number): Float64Array {
  const K = b.init.length;
  const rows = x.length / d;
  const out = new Float64Array(rows * K);
  for (let q = 0; q < rows; q++) {
    for (let k = 0; k < K; k++) out[q * K + k] = b.init[k];
    b.roots.forEach((root, t) => {
      let node = root;
      while (b.left[node] >= 0) node = Math.fround(x[q * d + b.feature[node]]) <= b.threshold[node] ? b.left[node] : b.right[node];
      out[q * K + (t % K)] += b.value[node];
    });
  }
  return out;
}

const NAMES = ['feature', 'threshold', 'left', 'right', 'value', 'roots', 'init'] as const;

/** What a fitted boosting model records besides its trees: how many trees and nodes it grew. */
export type BoostedInfo = ModelInfo & { readonly trees: number; readonly nodes: number };

function modelOf(kind: string, b: Boosted, info: ModelInfo): FittedModel<BoostedInfo> {
  return { kind, weights: NAMES.map((name) => ({ name, shape: [b[name].length], values: b[name] })), info: { ...info, trees: b.roots.length, nodes: b.feature.length } };
}

function boostedOf(model: FittedModel<BoostedInfo>): Boosted {
  const [feature, threshold, left, right, value, roots, init] = NAMES.map((name) => weightValues(model, name) as Float64Array);
  return { feature, threshold, left, right, value, roots, init };
}

const featureCount = (model: FittedModel<BoostedInfo>) => model.info.features.length;

async function fitClassifier(ctx: StepContext, input: PipelineState, params: BoostParams): Promise<PipelineState> {
  const data = classificationInput(input, 'Gradient boosting');
  const classes = data.target.categories;
  const train = data.split.train;
  const loss = logLoss(Int32Array.from(train, (r) => data.target.codes[r]), classes.length);
  const b = await boost(ctx, data.features.map((f) => f.values), train, loss, params);
  const model = modelOf('model.gradient-boosting', b, { features: data.features.map((f) => f.name), classes });
  const shares = classShares(rawScores(b, rowMajor64(data.features, null, data.rowCount), data.features.length), loss.outputs);
  return classifierOutput(input, model, shares, argmaxRows(shares, classes.length), classes);
}

/** scikit-learn's GradientBoostingClassifier (log loss, prior init, Newton leaves; K trees per stage for K > 2 classes). */
export const gradientBoosting = defineStep(gradientBoostingDescription, {
  run: fitClassifier,
  fitted: {
    predict: (model: FittedModel<BoostedInfo>, x) => {
      const b = boostedOf(model);
      return classShares(rawScores(b, x, featureCount(model)), b.init.length);
    },
  },
});

/** scikit-learn's GradientBoostingRegressor (squared error, mean init). */
export const gradientBoostingRegressor = defineStep(gradientBoostingRegressorDescription, {
  async run(ctx, input, params) {
    const data = regressionInput(input, 'The gradient boosting regressor');
    const train = data.split.train;
    const b = await boost(ctx, data.features.map((f) => f.values), train, squaredError(Float64Array.from(train, (r) => data.target.values[r])), params);
    const model = modelOf('model.gradient-boosting-regressor', b, { features: data.features.map((f) => f.name) });
    return regressorOutput(input, model, rawScores(b, rowMajor64(data.features, null, data.rowCount), data.features.length));
  },
  fitted: { predict: (model: FittedModel<BoostedInfo>, x) => rawScores(boostedOf(model), x, featureCount(model)) },
});
