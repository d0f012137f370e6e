/**
 * Solves min ‖Xβ + b − y‖² + α‖β‖² in float64 through the normal equations on
 * centred data (so the intercept is not penalised). Directions without
 * information (a constant or duplicated column) get weight 0 instead of failing.
 */
export function fitLeastSquares(
  columns: readonly Float64Array[],
  y: Float64Array,
  rows: ArrayLike<number>,
  alpha: number,
  fitIntercept: boolean,
): { coef: Float64Array; intercept: number } {
  const d = columns.length;
  const n = rows.length;
  const mean = (v: Float64Array) => (fitIntercept ? sumRows(v, rows) / n : 0);
  const xMeans = columns.map(mean);
  const yMean = mean(y);
  const a = Array.from({ length: d }, () => new Float64Array(d + 1));
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const yi = y[r] - yMean;
    for (let p = 0; p < d; p++) {
      const xp = columns[p][r] - xMeans[p];
      for (let q = p; q < d; q++) a[p][q] += xp * (columns[q][r] - xMeans[q]);
      a[p][d] += xp * yi;
    }
  }
  for (let p = 0; p < d; p++) {
    for (let q = 0; q < p; q++) a[p][q] = a[q][p];
    a[p][p] += alpha;
  }
  const coef = solveSymmetric(a, d);
  let intercept = yMean;
  for (let p = 0; p < d; p++) intercept -= coef[p] * xMeans[p];
  return { coef, intercept };
}

function sumRows(v: Float64Array, rows: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < rows.length; i++) s += v[rows[i]];
  return s;
}

/**
 * Solves the augmented d × (d+1) system. Rows and columns are first scaled to a
 * unit diagonal (so a feature's units do not decide whether it counts as
 * informative), then Gauss–Jordan elimination with partial pivoting runs; a
 * pivot below 1e-10 marks a direction without information, whose weight is 0.
 */
function solveSymmetric(a: Float64Array[], d: number): Float64Array {
  const scale = Float64Array.from({ length: d }, (_, p) => (a[p][p] > 0 ? Math.sqrt(a[p][p]) : 1));
  for (let p = 0; p < d; p++) {
    for (let q = 0; q < d; q++) a[p][q] /= scale[p] * scale[q];
    a[p][d] /= scale[p];
  }
  const pivotRow = new Int32Array(d).fill(-1);
  const used = new Uint8Array(d);
  for (let col = 0; col < d; col++) {
    let best = -1;
    for (let r = 0; r < d; r++) if (!used[r] && (best < 0 || Math.abs(a[r][col]) > Math.abs(a[best][col]))) best = r;
    if (best < 0 || Math.abs(a[best][col]) <= 1e-10) continue;
    used[best] = 1;
    pivotRow[col] = best;
    const p = a[best][col];
    for (let c = 0; c <= d; c++) a[best][c] /= p;
    for (let r = 0; r < d; r++) {
      if (r === best || a[r][col] === 0) continue;
      const f = a[r][col];
      for (let c = 0; c <= d; c++) a[r][c] -= f * a[best][c];
    }
  }
  return Float64Array.from({ length: d }, (_, col) => (pivotRow[col] < 0 ? 0 : a[pivotRow[col]][d] / scale[col]));
}
