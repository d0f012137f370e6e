import { midpoint } from './tree-split';

// The trees of gradient boosting (scikit-learn's, subsample 1): depth-limited regression trees
// fitted to residuals by squared error (friedman_mse orders splits the same without sample
// weights), grown level by level over presorted features, one pass per feature and level. No
// randomness: of equally good splits the first feature, then the lowest threshold wins.

/** Trees being grown: nodes appended to shared arrays. */
export class Forest {
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
export interface Grid {
  readonly columns: Float64Array[];
  readonly order: Int32Array[];
  readonly n: number;
}

/** The grid of the training rows: their columns rounded to float32 (as scikit-learn's trees see them), each presorted once. */
export function gridOf(columns: readonly Float64Array[], train: Int32Array): Grid {
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
export function growTree(forest: Forest, grid: Grid, r: Float64Array, maxDepth: number): Int32Array {
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
