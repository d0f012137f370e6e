import { CancelledError } from '../../../core/errors';
import type { FittedModel, PipelineState } from '../../../core/state';
import type { StepContext } from '../../step';
import { classificationInput, regressionInput, type SupervisedInput } from '../inputs/design-matrix';
import { argmaxRows, classifierOutput, regressorOutput, rowMajor64 } from '../inputs/rows';
import { TreeBuilder } from './tree-grow';
import { forestInfo, forestOf, forestPredict, forestWeights, type TreeInfo } from './tree-model';
import { featuresPerSplit } from './tree-params';
import { YIELD_EVERY_MS, yieldToEventLoop } from '../inputs/yield';
import type { Criterion, TreeTarget } from './tree-split';

/** What makes a forest a forest: several trees, each on a bootstrap sample, with features drawn per split. */
export interface ForestPlan {
  readonly trees: number;
  readonly bootstrap: boolean;
  readonly maxFeatures: 'sqrt' | 'all';
}

/** The params every tree and forest step has (classifiers add a criterion). */
export interface TreeParams {
  readonly maxDepth: number;
  readonly minSamplesLeaf: number;
  /** Forests have none: 2, like scikit-learn's default. */
  readonly minSamplesSplit?: number;
}

/** The forest plan in a random forest's params. */
export function forestPlan(params: ForestPlan): ForestPlan {
  return { trees: params.trees, bootstrap: params.bootstrap, maxFeatures: params.maxFeatures };
}

/**
 * Grows one tree on the training rows (forest null: no randomness at all) or a
 * forest whose bootstrap samples and feature draws all come from the step's PRNG,
 * tree after tree, so the same seed grows the same forest. Between trees it yields to
 * the event loop every YIELD_EVERY_MS, so a cancel is heard.
 */
async function growTrees(ctx: StepContext, data: SupervisedInput, target: TreeTarget, params: TreeParams, criterion: Criterion, forest: ForestPlan | null): Promise<TreeBuilder> {
  const d = data.features.length;
  const builder = new TreeBuilder({ columns: data.features.map((f) => f.values), target }, {
    maxDepth: params.maxDepth,
    minSamplesSplit: params.minSamplesSplit ?? 2,
    minSamplesLeaf: params.minSamplesLeaf,
    criterion,
    maxFeatures: forest ? featuresPerSplit(forest.maxFeatures, d) : d,
    rng: forest ? ctx.rng : null,
  });
  const train = data.split.train;
  if (!forest) {
    builder.grow(train);
    return builder;
  }
  let lastYield = performance.now();
  for (let t = 0; t < forest.trees; t++) {
    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      ctx.onProgress?.(t, forest.trees, 'trees');
      await yieldToEventLoop(); // a cancel message gets through between trees (a big forest runs for minutes)
      lastYield = performance.now();
    }
    if (ctx.signal.aborted) throw new CancelledError();
    builder.grow(forest.bootstrap ? Int32Array.from(train, () => train[ctx.rng.int(train.length)]) : train);
  }
  return builder;
}

/** Fits a classification tree or forest and predicts class shares for every row. */
export async function fitTreeClassifier(ctx: StepContext, input: PipelineState, params: TreeParams & { readonly criterion: 'gini' | 'entropy' }, kind: string, label: string, forest: ForestPlan | null): Promise<PipelineState> {
  const data = classificationInput(input, label);
  const classes = data.target.categories;
  const builder = await growTrees(ctx, data, { kind: 'classes', codes: data.target.codes, classes: classes.length }, params, params.criterion, forest);
  const model: FittedModel<TreeInfo> = {
    kind,
    weights: forestWeights(builder),
    info: { features: data.features.map((f) => f.name), classes, criterion: params.criterion, ...forestInfo(builder) },
  };
  const probabilities = forestPredict(forestOf(model), rowMajor64(data.features, null, data.rowCount), data.features.length);
  return classifierOutput(input, model, probabilities, argmaxRows(probabilities, classes.length), classes);
}

/** Fits a regression tree or forest (squared error) and predicts every row. */
export async function fitTreeRegressor(ctx: StepContext, input: PipelineState, params: TreeParams, kind: string, label: string, forest: ForestPlan | null): Promise<PipelineState> {
  const data = regressionInput(input, label);
  const builder = await growTrees(ctx, data, { kind: 'values', values: data.target.values }, params, 'squared_error', forest);
  const model: FittedModel<TreeInfo> = {
    kind,
    weights: forestWeights(builder),
    info: { features: data.features.map((f) => f.name), criterion: 'squared_error', ...forestInfo(builder) },
  };
  return regressorOutput(input, model, forestPredict(forestOf(model), rowMajor64(data.features, null, data.rowCount), data.features.length));
}
