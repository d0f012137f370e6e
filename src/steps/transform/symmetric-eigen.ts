/**
 * Eigen-decomposition of a real symmetric matrix by cyclic Jacobi rotations, in float64.
 * Built only from + − × ÷ and sqrt, in a fixed order, so it gives the same bits on every
 * JavaScript engine. Cost grows as n³ per sweep: meant for up to a few hundred columns.
 */

/** Eigenvalues (descending) and unit eigenvectors (`vectors[i]` belongs to `values[i]`). */
export interface Eigen {
  readonly values: Float64Array;
  readonly vectors: Float64Array[];
}

const MAX_SWEEPS = 100;

/** Decomposes the n×n symmetric matrix `a` (row-major, left unchanged); ties in value keep index order. */
export function symmetricEigen(a: Float64Array, n: number): Eigen {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS && offDiagonal(m, n) > 0; sweep++) {
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) rotate(m, v, n, p, q, sweep);
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[j * n + j] - m[i * n + i] || i - j);
  return {
    values: Float64Array.from(order, (i) => m[i * n + i]),
    vectors: order.map((i) => Float64Array.from({ length: n }, (_, k) => v[k * n + i])),
  };
}

/** Sum of squares of the entries above the diagonal. */
function offDiagonal(m: Float64Array, n: number): number {
  let off = 0;
  for (let p = 0; p < n - 1; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q] * m[p * n + q];
  return off;
}

/** One Jacobi rotation in the (p, q) plane that zeroes m[p][q]; also applied to the eigenvector columns. */
function rotate(m: Float64Array, v: Float64Array, n: number, p: number, q: number, sweep: number): void {
  const apq = m[p * n + q];
  if (apq === 0) return;
  const app = m[p * n + p];
  const aqq = m[q * n + q];
  // After a few sweeps, an entry too small to change either diagonal entry is set to zero outright.
  if (sweep > 3 && Math.abs(app) + 100 * Math.abs(apq) === Math.abs(app) && Math.abs(aqq) + 100 * Math.abs(apq) === Math.abs(aqq)) {
    m[p * n + q] = 0;
    m[q * n + p] = 0;
    return;
  }
  const theta = (aqq - app) / (2 * apq);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const kp = m[k * n + p];
    const kq = m[k * n + q];
    m[k * n + p] = c * kp - s * kq;
    m[k * n + q] = s * kp + c * kq;
  }
  for (let k = 0; k < n; k++) {
    const pk = m[p * n + k];
    const qk = m[q * n + k];
    m[p * n + k] = c * pk - s * qk;
    m[q * n + k] = s * pk + c * qk;
  }
  m[p * n + q] = 0;
  m[q * n + p] = 0;
  for (let k = 0; k < n; k++) {
    const kp = v[k * n + p];
    const kq = v[k * n + q];
    v[k * n + p] = c * kp - s * kq;
    v[k * n + q] = s * kp + c * kq;
  }
}
