import { detExp, detLog } from '../../core/det-math';
import { CancelledError } from '../../core/errors';
import { pyModel, pyNumber } from '../../core/python-code';
import type { FittedModel, PipelineState } from '../../core/state';
import { describeStep } from '../../core/step-description';
import { defineStep, type StepContext } from '../step';
import { classificationInput, regressionInput } from './inputs/design-matrix';
import { argmaxRows, classifierOutput, regressorOutput, rowMajor64, weightValues } from './inputs/rows';
import { YIELD_EVERY_MS, yieldToEventLoop } from './inputs/yield';
import { midpoint } from './trees/tree-split';
import { maxDepthParam } from './trees/tree-params';

// scikit-learn's GradientBoostingClassifier/Regressor with subsample 1: each stage fits depth-limited
// regression trees (friedman_mse, whose split order equals squared error's without sample weights) to
// the negative gradient, classifier leaves take a Newton step, and the raw score grows by the learning
// rate times the tree. Trees grow level by level over presorted features (one pass per feature and
// level), on the features rounded to float32 as scikit-learn's trees see them. No randomness: of
// equally good splits the first feature, then the lowest threshold wins.

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

/** Trees being grown: nodes appended to shared arrays. */
class Forest {
  readonly feature: number[] = [];
  readonly threshold: number[] = [];
  readonly left: number[] = [];
  readonly right: number[] = [];
  readonly value: number[] = [];
  readonly roots: number[] = [];
  node(): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(0);
    return this.feature.length - 1;
  }
}

/** Training data of the trees: float32-rounded columns of the training rows, and each column's row order. */
interface Grid {
  readonly columns: Float64Array[];
  readonly order: Int32Array[];
  readonly n: number;
}

function gridOf(columns: readonly Float64Array[], train: Int32Array): Grid {
  const cols = columns.map((c) => Float64Array.from(train, (r) => Math.fround(c[r])));
  const order = cols.map((c) => Int32Array.from({ length: train.length }, (_, i) => i).sort((a, b) => c[a] - c[b] || a - b));
  return { columns: cols, order, n: train.length };
}

interface Best {
  score: number;
  feature: number;
  threshold: number;
}

/** The best split of every open node (slot; −1: the row's leaf is final), scored by Σ²/n of both sides; null where none. */
function bestSplits(grid: Grid, r: Float64Array, slot: Int32Array, count: Float64Array, sum: Float64Array): (Best | null)[] {
  const slots = count.length;
  const best: (Best | null)[] = new Array<Best | null>(slots).fill(null);
  const cntL = new Float64Array(slots);
  const sumL = new Float64Array(slots);
  const last = new Float64Array(slots);
  for (let f = 0; f < grid.columns.length; f++) {
    const col = grid.columns[f];
    cntL.fill(0);
    sumL.fill(0);
    const order = grid.order[f];
    for (let o = 0; o < order.length; o++) {
      const i = order[o];
      const s = slot[i];
      if (s < 0) continue;
      const v = col[i];
      if (cntL[s] > 0 && v > last[s] + 1e-7) {
        const nR = count[s] - cntL[s];
        const sumR = sum[s] - sumL[s];
        const score = (sumL[s] * sumL[s]) / cntL[s] + (sumR * sumR) / nR;
        const b = best[s];
        if (!b || score > b.score + 1e-12 * Math.abs(b.score)) best[s] = { score, feature: f, threshold: midpoint(last[s], v) };
      }
      cntL[s]++;
      sumL[s] += r[i];
      last[s] = v;
    }
  }
  return best;
}

/** Closes the open nodes with fewer than 2 rows or one residual value (slot −1); returns each open node's row count and residual sum. */
function closePure(r: Float64Array, slot: Int32Array, open: number): { count: Float64Array; sum: Float64Array } {
  const count = new Float64Array(open);
  const sum = new Float64Array(open);
  const lo = new Float64Array(open).fill(Infinity);
  const hi = new Float64Array(open).fill(-Infinity);
  for (let i = 0; i < slot.length; i++) {
    const s = slot[i];
    if (s < 0) continue;
    count[s]++;
    sum[s] += r[i];
    lo[s] = Math.min(lo[s], r[i]);
    hi[s] = Math.max(hi[s], r[i]);
  }
  for (let i = 0; i < slot.length; i++) if (slot[i] >= 0 && (count[slot[i]] < 2 || lo[slot[i]] === hi[slot[i]])) slot[i] = -1;
  return { count, sum };
}

/** Grows one tree on residuals `r` level by level; returns each training row's leaf. */
function growTree(forest: Forest, grid: Grid, r: Float64Array, maxDepth: number): Int32Array {
  const root = forest.node();
  forest.roots.push(root);
  const leafOf = new Int32Array(grid.n).fill(root);
  const slot = new Int32Array(grid.n);
  let open = [root];
  for (let depth = 0; depth < maxDepth && open.length; depth++) {
    const { count, sum } = closePure(r, slot, open.length);
    const best = bestSplits(grid, r, slot, count, sum);
    const next: number[] = [];
    const firstChild = open.map((id, s) => {
      const b = best[s];
      if (!b) return -1;
      forest.feature[id] = b.feature;
      forest.threshold[id] = b.threshold;
      forest.left[id] = forest.node();
      forest.right[id] = forest.node();
      return next.push(forest.left[id], forest.right[id]) - 2;
    });
    for (let i = 0; i < grid.n; i++) {
      const s = slot[i];
      if (s < 0) continue;
      const b = best[s];
      if (!b) {
        slot[i] = -1;
        continue;
      }
      const right = grid.columns[b.feature][i] <= b.threshold ? 0 : 1;
      slot[i] = firstChild[s] + right;
      leafOf[i] = next[slot[i]];
    }
    open = next;
  }
  return leafOf;
}

/** How a loss turns raw scores into residuals and leaves into values (scikit-learn's loss classes). */
interface Loss {
  /** Raw outputs (trees per stage). */
  readonly outputs: number;
  init(): Float64Array;
  /** Negative gradients (rows × outputs) at the raw scores (rows × outputs). */
  residuals(raw: Float64Array): Float64Array;
  /** A leaf's value from the residuals of its rows. */
  leaf(r: Float64Array, rows: number[], k: number): number;
}

const EPS32 = 1.1920928955078125e-7;
const clip = (p: number) => Math.min(1 - EPS32, Math.max(EPS32, p));
const sigmoid = (x: number) => 1 / (1 + detExp(-x));

function squaredError(y: Float64Array): Loss {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  return {
    outputs: 1,
    init: () => Float64Array.of(mean),
    residuals: (raw) => y.map((v, i) => v - raw[i]),
    leaf: (r, rows) => rows.reduce((a, i) => a + r[i], 0) / rows.length,
  };
}

function logLoss(codes: Int32Array, classes: number): Loss {
  const n = codes.length;
  const outputs = classes === 2 ? 1 : classes;
  const target = (i: number, k: number) => (outputs === 1 ? codes[i] : codes[i] === k ? 1 : 0);
  const prior = (k: number) => clip(codes.reduce((a, c) => a + (c === k ? 1 : 0), 0) / n);
  return {
    outputs,
    init: () => (outputs === 1 ? Float64Array.of(detLog(prior(1) / (1 - prior(1)))) : Float64Array.from({ length: outputs }, (_, k) => detLog(prior(k)))),
    residuals: (raw) => {
      const shares = classShares(raw, outputs);
      if (outputs === 1) return Float64Array.from({ length: n }, (_, i) => codes[i] - shares[2 * i + 1]);
      return shares.map((p, j) => target(Math.floor(j / outputs), j % outputs) - p);
    },
    leaf: (r, rows, k) => {
      let num = 0;
      let den = 0;
      for (const i of rows) {
        const p = target(i, k) - r[i];
        num += r[i];
        den += p * (1 - p);
      }
      if (outputs > 1) num *= (outputs - 1) / outputs;
      return Math.abs(den) < 1e-150 ? 0 : num / den;
    },
  };
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

/** Class probabilities (rows × classes) from raw scores. */
function classShares(raw: Float64Array, outputs: number): Float64Array {
  const rows = raw.length / outputs;
  const classes = outputs === 1 ? 2 : outputs;
  const out = new Float64Array(rows * classes);
  for (let i = 0; i < rows; i++) {
    if (outputs === 1) {
      const p = sigmoid(raw[i]);
      out[2 * i] = 1 - p;
      out[2 * i + 1] = p;
      continue;
    }
    let max = -Infinity;
    for (let k = 0; k < outputs; k++) max = Math.max(max, raw[i * outputs + k]);
    let sum = 0;
    for (let k = 0; k < outputs; k++) sum += out[i * outputs + k] = detExp(raw[i * outputs + k] - max);
    for (let k = 0; k < outputs; k++) out[i * outputs + k] /= sum;
  }
  return out;
}

const NAMES = ['feature', 'threshold', 'left', 'right', 'value', 'roots', 'init'] as const;

function modelOf(kind: string, b: Boosted, info: Record<string, unknown>): FittedModel {
  return { kind, weights: NAMES.map((name) => ({ name, shape: [b[name].length], values: b[name] })), info: { ...info, trees: b.roots.length, nodes: b.feature.length } };
}

function boostedOf(model: FittedModel): Boosted {
  const [feature, threshold, left, right, value, roots, init] = NAMES.map((name) => weightValues(model, name) as Float64Array);
  return { feature, threshold, left, right, value, roots, init };
}

const featureCount = (model: FittedModel) => (model.info.features as string[]).length;

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
    predict: (model, x) => {
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
  fitted: { predict: (model, x) => rawScores(boostedOf(model), x, featureCount(model)) },
});
