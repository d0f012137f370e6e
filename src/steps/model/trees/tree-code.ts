import { pyBool, pyModel, pyNumber } from '../../../core/python-code';
import type { ModelDescription } from '../../../core/step-description';
import type { ModelCode } from '../../step';
import type { ForestPlan, TreeParams } from './tree-fit';
import { forestOf, forestPredict, type TreeInfo } from './tree-model';

// What the tree and forest steps share after fitting: prediction and the Python export.

const TREE_TIES =
  'Decision tree: of equally good splits pipelab takes the first feature, then the lowest threshold; scikit-learn tries the features in a random ' +
  'order (random_state = the seed) and keeps the first best split it meets, so on exact ties the trees can differ (they matched in our tests).';
const FOREST_DRAWS =
  "Random forest: the bootstrap rows and the features tried at each split are drawn from numpy's generator (random_state = the seed), not " +
  "pipelab's, so it grows other trees: scores are comparable (within about 2 points in our tests), not equal. With bootstrap on, pipelab's " +
  'minimum rows per leaf counts drawn rows (repeats included), scikit-learn counts distinct rows.';

type AnyTreeParams = TreeParams & { readonly criterion?: 'gini' | 'entropy' } & Partial<ForestPlan>;

/** The tree parameters shared by trees and forests, in scikit-learn's names. */
function treeArgs(p: AnyTreeParams, classes: boolean): string[] {
  const criterion = classes ? (p.criterion === 'entropy' ? 'entropy' : 'gini') : 'squared_error';
  return [
    `criterion="${criterion}"`, `max_depth=${pyNumber(p.maxDepth, 'maxDepth', true)}`,
    `min_samples_split=${pyNumber(p.minSamplesSplit ?? 2, 'minSamplesSplit', true)}`,
    `min_samples_leaf=${pyNumber(p.minSamplesLeaf, 'minSamplesLeaf', true)}`,
  ];
}

/** How a fitted tree or forest predicts new rows (class shares or values). */
export function treeFitted<P>(): ModelCode<P, TreeInfo> {
  return { predict: (model, x) => forestPredict(forestOf(model), x, model.info.features.length) };
}

/** Task and Python export of a single tree (`forest` false) or a forest; `cls` is scikit-learn's class. */
export function treeDescribed<P extends AnyTreeParams>(task: 'classification' | 'regression', cls: string, forest: boolean): ModelDescription<P> {
  const classes = task === 'classification';
  return {
    task,
    replay: forest ? 'trees' : 'depth',
    python: (p, out) => {
      if (!forest) return pyModel(out, 'sklearn.tree', cls, [...treeArgs(p, classes), 'random_state=SEED']);
      const features = p.maxFeatures === 'sqrt' ? '"sqrt"' : 'None';
      const args = [`n_estimators=${pyNumber(p.trees, 'trees', true)}`, ...treeArgs(p, classes), `max_features=${features}`, `bootstrap=${pyBool(p.bootstrap)}`];
      return pyModel(out, 'sklearn.ensemble', cls, [...args, 'random_state=SEED']);
    },
    pythonNotes: () => [forest ? FOREST_DRAWS : TREE_TIES],
  };
}
