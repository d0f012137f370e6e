import { describeStep } from '../../core/step-description';
import { defineStep } from '../step';
import { treeDescribed, treeFitted } from './trees/tree-code';
import { fitTreeClassifier, fitTreeRegressor, forestPlan } from './trees/tree-fit';
import { BOOTSTRAP_PARAM, CRITERION_PARAM, MIN_SAMPLES_LEAF_PARAM, TREES_PARAM, maxDepthParam, maxFeaturesParam } from './trees/tree-params';

const SEEDED =
  'Every random draw (bootstrap rows, features per split) comes from the pipeline seed, so the same seed grows the same forest. With bootstrap on, the minimum rows count drawn rows, repeats included.';

/** What the palette, forms and restore know of `randomForest`: plain data, no code. */
export const randomForestDescription = describeStep({
  kind: 'model.random-forest',
  version: 1,
  category: 'model',
  label: 'Random forest',
  keywords: ['RandomForestClassifier', 'random forest', 'ensemble', 'bagging', 'trees'],
  help: `Many decision trees, each grown on a random sample of rows and features, vote by averaging their class shares. Robust, needs no scaling. ${SEEDED}`,
  usesRandomness: true,
  params: {
    trees: TREES_PARAM,
    maxDepth: maxDepthParam(8),
    minSamplesLeaf: MIN_SAMPLES_LEAF_PARAM,
    maxFeatures: maxFeaturesParam('sqrt'),
    bootstrap: BOOTSTRAP_PARAM,
    criterion: CRITERION_PARAM,
  },
  model: treeDescribed('classification', 'RandomForestClassifier', true),
});

/** A random forest of classification trees: each tree sees a bootstrap sample and random features per split; their class shares are averaged. */
export const randomForest = defineStep(randomForestDescription, {
  run: async (ctx, input, params) => fitTreeClassifier(ctx, input, params, 'model.random-forest', 'The random forest', forestPlan(params)),
  fitted: treeFitted(),
});

/** What the palette, forms and restore know of `randomForestRegressor`: plain data, no code. */
export const randomForestRegressorDescription = describeStep({
  kind: 'model.random-forest-regressor',
  version: 1,
  category: 'model',
  label: 'Random forest regressor',
  keywords: ['RandomForestRegressor', 'random forest', 'ensemble', 'bagging', 'trees'],
  help: `Many regression trees, each grown on a random sample of rows, average their predictions. Robust, needs no scaling. ${SEEDED}`,
  usesRandomness: true,
  params: {
    trees: TREES_PARAM,
    maxDepth: maxDepthParam(8),
    minSamplesLeaf: MIN_SAMPLES_LEAF_PARAM,
    maxFeatures: maxFeaturesParam('all'),
    bootstrap: BOOTSTRAP_PARAM,
  },
  model: treeDescribed('regression', 'RandomForestRegressor', true),
});

/**
 * A random forest of regression trees, predictions averaged. Features per split
 * default to all of them, as in scikit-learn's RandomForestRegressor.
 */
export const randomForestRegressor = defineStep(randomForestRegressorDescription, {
  run: async (ctx, input, params) => fitTreeRegressor(ctx, input, params, 'model.random-forest-regressor', 'The random forest regressor', forestPlan(params)),
  fitted: treeFitted(),
});
