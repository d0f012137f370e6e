/**
 * k-nearest neighbours in plain float64 JavaScript. The training rows are the
 * model's memory; a query's neighbours are the k memory rows with the smallest
 * Euclidean distance, and equal distances are broken by the lower memory row
 * index (scikit-learn's tree searches do not promise an order on ties).
 */

/** How neighbours are weighted: equally, or by 1 / distance. */
export type KnnWeighting = 'uniform' | 'distance';

/** The training rows a kNN model remembers: row-major features and one target per row. */
export interface KnnMemory {
  /** Row-major n × d features. */
  readonly x: Float64Array;
  /** Class code (classification) or value (regression) of each memory row. */
  readonly y: Float64Array;
  readonly d: number;
}

/** The k nearest memory rows of one query and their weights. */
export interface Neighbours {
  readonly index: Int32Array;
  readonly weight: Float64Array;
}

/**
 * The k nearest memory rows of query row `q` of the row-major `queries` (k at most
 * the memory size), with their weights. Distance weighting gives 1 / distance, except
 * when some neighbours sit at distance 0: then those alone count, equally (as in
 * scikit-learn).
 */
export function nearest(memory: KnnMemory, queries: ArrayLike<number>, q: number, k: number, weighting: KnnWeighting): Neighbours {
  const { x, d } = memory;
  const n = x.length / d;
  const index = new Int32Array(k).fill(-1);
  const dist = new Float64Array(k).fill(Infinity);
  const base = q * d;
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const diff = x[r * d + j] - queries[base + j];
      s += diff * diff;
    }
    // Rows arrive in ascending order, so a strict comparison keeps the lower index on ties.
    if (!(s < dist[k - 1])) continue;
    let p = k - 1;
    while (p > 0 && s < dist[p - 1]) {
      dist[p] = dist[p - 1];
      index[p] = index[p - 1];
      p--;
    }
    dist[p] = s;
    index[p] = r;
  }
  return { index, weight: neighbourWeights(dist, weighting) };
}

function neighbourWeights(squared: Float64Array, weighting: KnnWeighting): Float64Array {
  const k = squared.length;
  const weight = new Float64Array(k).fill(1);
  if (weighting === 'uniform') return weight;
  if (squared.some((s) => s === 0)) {
    for (let i = 0; i < k; i++) weight[i] = squared[i] === 0 ? 1 : 0;
    return weight;
  }
  for (let i = 0; i < k; i++) weight[i] = 1 / Math.sqrt(squared[i]);
  return weight;
}

/** Class probabilities (rows × classes) of every query row: the weighted share of each class among its neighbours. */
export function knnProbabilities(memory: KnnMemory, queries: ArrayLike<number>, classes: number, k: number, weighting: KnnWeighting): Float64Array {
  const rows = queries.length / memory.d;
  const out = new Float64Array(rows * classes);
  for (let q = 0; q < rows; q++) {
    const { index, weight } = nearest(memory, queries, q, k, weighting);
    let total = 0;
    for (let i = 0; i < k; i++) {
      out[q * classes + memory.y[index[i]]] += weight[i];
      total += weight[i];
    }
    for (let c = 0; c < classes; c++) out[q * classes + c] /= total;
  }
  return out;
}

/** Predicted value of every query row: the weighted mean target of its neighbours. */
export function knnValues(memory: KnnMemory, queries: ArrayLike<number>, k: number, weighting: KnnWeighting): Float64Array {
  const rows = queries.length / memory.d;
  const out = new Float64Array(rows);
  for (let q = 0; q < rows; q++) {
    const { index, weight } = nearest(memory, queries, q, k, weighting);
    let sum = 0;
    let total = 0;
    for (let i = 0; i < k; i++) {
      sum += weight[i] * memory.y[index[i]];
      total += weight[i];
    }
    out[q] = sum / total;
  }
  return out;
}
