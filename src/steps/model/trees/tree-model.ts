import type { FittedModel, ModelInfo, WeightArray } from '../../../core/state';
import { weightValues } from '../inputs/rows';
import type { TreeBuilder } from './tree-grow';
import type { Criterion } from './tree-split';

/** One or more trees as flat float64 arrays (a node per index), the form a fitted tree model keeps. */
export interface FlatForest {
  readonly feature: Float64Array;
  readonly threshold: Float64Array;
  readonly left: Float64Array;
  readonly right: Float64Array;
  /** Row-major nodes × width: class shares or the mean target of each node. */
  readonly value: Float64Array;
  /** Root node of each tree. */
  readonly roots: Float64Array;
  readonly width: number;
}

/** The weight arrays of a grown forest (also of a single tree: one root), plain data that hashes and replays. */
export function forestWeights(b: TreeBuilder): WeightArray[] {
  const nodes = b.feature.length;
  const arr = (name: string, values: number[], shape: number[]): WeightArray => ({ name, shape, values: Float64Array.from(values) });
  return [
    arr('feature', b.feature, [nodes]),
    arr('threshold', b.threshold, [nodes]),
    arr('left', b.left, [nodes]),
    arr('right', b.right, [nodes]),
    arr('value', b.value, [nodes, b.width]),
    arr('samples', b.samples, [nodes]),
    arr('roots', b.roots, [b.roots.length]),
  ];
}

/** The size of a fitted tree or forest, for display. */
export interface ForestFacts {
  readonly trees: number;
  readonly nodes: number;
  readonly leaves: number;
  readonly depth: number;
}

/** What a fitted tree or forest records: its size, and the split criterion it grew with. */
export type TreeInfo = ModelInfo & ForestFacts & { readonly criterion: Criterion };

/** Facts about a grown forest for people: node, leaf and tree counts, deepest leaf. */
export function forestInfo(b: TreeBuilder): ForestFacts {
  return { trees: b.roots.length, nodes: b.feature.length, leaves: b.left.filter((l) => l < 0).length, depth: b.depth };
}

/** The flat forest kept in a fitted tree model's weights. */
export function forestOf(model: FittedModel): FlatForest {
  const get = (name: string) => weightValues(model, name) as Float64Array;
  const value = model.weights.find((w) => w.name === 'value');
  return {
    feature: get('feature'), threshold: get('threshold'), left: get('left'), right: get('right'),
    value: get('value'), roots: get('roots'), width: value?.shape[1] ?? 1,
  };
}

/**
 * Mean over the trees of the leaf value each query row lands in (rows × width):
 * class probabilities for a classifier, the prediction for a regressor.
 * A row goes left when its feature value is ≤ the node's threshold.
 */
export function forestPredict(forest: FlatForest, queries: ArrayLike<number>, d: number): Float64Array {
  const { feature, threshold, left, right, value, roots, width } = forest;
  const rows = queries.length / d;
  const out = new Float64Array(rows * width);
  for (let q = 0; q < rows; q++) {
    for (const root of roots) {
      let node = root;
      while (left[node] >= 0) node = queries[q * d + feature[node]] <= threshold[node] ? left[node] : right[node];
      for (let c = 0; c < width; c++) out[q * width + c] += value[node * width + c];
    }
    for (let c = 0; c < width; c++) out[q * width + c] /= roots.length;
  }
  return out;
}
