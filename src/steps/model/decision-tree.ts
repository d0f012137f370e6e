import { describeStep } from '../../core/step-description';
import { defineStep } from '../step';
import { treeDescribed, treeFitted } from './trees/tree-code';
import { fitTreeClassifier, fitTreeRegressor } from './trees/tree-fit';
import { CRITERION_PARAM, MIN_SAMPLES_LEAF_PARAM, MIN_SAMPLES_SPLIT_PARAM, maxDepthParam } from './trees/tree-params';

const TIES =
  'Of equally good splits it takes the first feature, then the lowest threshold (scikit-learn picks one at random, so its tree can differ on such ties).';

/** What the palette, forms and restore know of `decisionTree`: plain data, no code. */
export const decisionTreeDescription = describeStep({
  kind: 'model.decision-tree',
  version: 1,
  category: 'model',
  label: 'Decision tree',
  keywords: ['DecisionTreeClassifier', 'CART', 'classification tree', 'tree'],
  help: `Asks a sequence of yes/no questions about single features ("petal length ≤ 2.45?") and answers with the classes of the training rows in that leaf. Needs no scaling. ${TIES}`,
  usesRandomness: false,
  params: {
    maxDepth: maxDepthParam(5),
    minSamplesSplit: MIN_SAMPLES_SPLIT_PARAM,
    minSamplesLeaf: MIN_SAMPLES_LEAF_PARAM,
    criterion: CRITERION_PARAM,
  },
  model: treeDescribed('classification', 'DecisionTreeClassifier', false),
});

/** A CART decision tree for classes: best splits over every feature, leaves answer with their class shares. */
export const decisionTree = defineStep(decisionTreeDescription, {
  run: async (ctx, input, params) => fitTreeClassifier(ctx, input, params, 'model.decision-tree', 'The decision tree', null),
  fitted: treeFitted(),
});

/** What the palette, forms and restore know of `decisionTreeRegressor`: plain data, no code. */
export const decisionTreeRegressorDescription = describeStep({
  kind: 'model.decision-tree-regressor',
  version: 1,
  category: 'model',
  label: 'Decision tree regressor',
  keywords: ['DecisionTreeRegressor', 'CART', 'regression tree', 'tree'],
  help: `Predicts a number with a sequence of yes/no questions about single features; each leaf answers with the mean target of its training rows. ${TIES}`,
  usesRandomness: false,
  params: {
    maxDepth: maxDepthParam(5),
    minSamplesSplit: MIN_SAMPLES_SPLIT_PARAM,
    minSamplesLeaf: MIN_SAMPLES_LEAF_PARAM,
  },
  model: treeDescribed('regression', 'DecisionTreeRegressor', false),
});

/** A CART regression tree: splits chosen by squared error, leaves answer with their mean target. */
export const decisionTreeRegressor = defineStep(decisionTreeRegressorDescription, {
  run: async (ctx, input, params) => fitTreeRegressor(ctx, input, params, 'model.decision-tree-regressor', 'The decision tree regressor', null),
  fitted: treeFitted(),
});
