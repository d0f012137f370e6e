import { detLog } from '../../../core/det-math';
import type { Prng } from '../../../core/prng';
import { beats, bestThreshold, cLogCTable, type Criterion, type SplitCandidate, type TreeTarget } from './tree-split';

/** How a tree grows (scikit-learn's names in brackets). */
export interface GrowOptions {
  /** Deepest level a node may sit at; the root is level 0 [max_depth]. */
  readonly maxDepth: number;
  /** A node with fewer rows becomes a leaf [min_samples_split]. */
  readonly minSamplesSplit: number;
  /** Each side of a split keeps at least this many rows [min_samples_leaf]. */
  readonly minSamplesLeaf: number;
  readonly criterion: Criterion;
  /** Features tried at each node [max_features]; all of them when ≥ the feature count. */
  readonly maxFeatures: number;
  /** Draws the features tried at each node when maxFeatures is below the feature count. */
  readonly rng: Prng | null;
}

/** The training data of a tree: feature columns indexed by table row, and the target. */
export interface TreeData {
  readonly columns: readonly Float64Array[];
  readonly target: TreeTarget;
}

interface NodeSplit extends SplitCandidate {
  readonly feature: number;
}

/**
 * Grows CART trees into shared flat arrays (one node per index, preorder), so a
 * forest is many roots in one set of arrays. Leaves have feature = left = right = −1.
 * `value` holds, per node, the class shares (classification) or the mean (regression).
 * Ties between equally good splits go to the lower feature index (in the order the
 * features were tried), then the lower threshold; scikit-learn breaks them at random.
 */
export class TreeBuilder {
  readonly feature: number[] = [];
  readonly threshold: number[] = [];
  readonly left: number[] = [];
  readonly right: number[] = [];
  readonly value: number[] = [];
  readonly samples: number[] = [];
  readonly roots: number[] = [];
  /** Deepest leaf level grown so far. */
  depth = 0;
  private clog: Float64Array = new Float64Array(1);

  constructor(private readonly data: TreeData, private readonly options: GrowOptions) {}

  /** Values per node: the number of classes, or 1 for regression. */
  get width(): number {
    return this.data.target.kind === 'classes' ? this.data.target.classes : 1;
  }

  /** Grows one tree on `rows` (table row indices; repeats allowed, as in a bootstrap sample). */
  grow(rows: Int32Array): void {
    if (this.data.target.kind === 'classes' && this.clog.length <= rows.length) this.clog = cLogCTable(rows.length, detLog);
    this.roots.push(this.node(rows, 0));
  }

  private node(rows: Int32Array, depth: number): number {
    const id = this.feature.length;
    this.feature.push(-1);
    this.threshold.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.samples.push(rows.length);
    const pure = this.pushValue(rows);
    const o = this.options;
    const split = pure || depth >= o.maxDepth || rows.length < o.minSamplesSplit || rows.length < 2 * o.minSamplesLeaf ? null : this.bestSplit(rows);
    if (!split) {
      this.depth = Math.max(this.depth, depth);
      return id;
    }
    const col = this.data.columns[split.feature];
    this.feature[id] = split.feature;
    this.threshold[id] = split.threshold;
    this.left[id] = this.node(rows.filter((r) => col[r] <= split.threshold), depth + 1);
    this.right[id] = this.node(rows.filter((r) => col[r] > split.threshold), depth + 1);
    return id;
  }

  /** Appends the node's value; returns whether the node is pure (nothing left to split). */
  private pushValue(rows: Int32Array): boolean {
    const t = this.data.target;
    if (t.kind === 'values') {
      let sum = 0;
      let same = true;
      for (const r of rows) {
        sum += t.values[r];
        same &&= t.values[r] === t.values[rows[0]];
      }
      this.value.push(sum / rows.length);
      return same;
    }
    const counts = new Float64Array(t.classes);
    for (const r of rows) counts[t.codes[r]]++;
    for (const c of counts) this.value.push(c / rows.length);
    return counts.some((c) => c === rows.length);
  }

  private bestSplit(rows: Int32Array): NodeSplit | null {
    let best: NodeSplit | null = null;
    for (const feature of this.candidates(rows)) {
      const col = this.data.columns[feature];
      const sorted = rows.slice().sort((a, b) => col[a] - col[b] || a - b);
      const found = bestThreshold(sorted, col, this.data.target, this.options.criterion, this.options.minSamplesLeaf, this.clog);
      if (found && (!best || beats(found.score, best.score, this.options.criterion))) best = { ...found, feature };
    }
    return best;
  }

  /**
   * The features to try at a node: every feature in order, or (for a forest) features
   * drawn at random until `maxFeatures` of them vary within the node, as scikit-learn does.
   */
  private candidates(rows: Int32Array): number[] {
    const d = this.data.columns.length;
    const { maxFeatures, rng } = this.options;
    const varying = (f: number) => !isConstant(this.data.columns[f], rows);
    if (!rng || maxFeatures >= d) return Array.from({ length: d }, (_, f) => f).filter(varying);
    const order = Array.from({ length: d }, (_, f) => f);
    const out: number[] = [];
    for (let i = 0; i < d && out.length < maxFeatures; i++) {
      const j = i + rng.int(d - i);
      [order[i], order[j]] = [order[j], order[i]];
      if (varying(order[i])) out.push(order[i]);
    }
    return out;
  }
}

function isConstant(col: Float64Array, rows: Int32Array): boolean {
  const first = col[rows[0]];
  for (const r of rows) if (col[r] !== first) return false;
  return true;
}
