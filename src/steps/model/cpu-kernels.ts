// Float32 kernels in plain JavaScript with exactly the bits of tfjs's cpu backend.
// That backend computes every element in float64 and stores it in a Float32Array;
// these do the same (Math.fround at every store), in the same order, with the same
// Math functions. They call Math.exp/log/tanh because the cpu kernels do: whatever
// those return on an engine, the cpu backend returns too (the reference backend's
// bits are defined by its kernels), which is why eslint lets this file use them.

/** Rounds a float64 to float32, as a store into a Float32Array does. */
export const f32 = Math.fround;

/** The cpu backend's matMul block: sums run in float64 over at most this many products. */
const MATMUL_BLOCK = 48;

/** A strided view of a matrix: element (i, j) is values[i * rowStride + j * colStride]. */
export interface Strided {
  readonly values: Float32Array;
  readonly rowStride: number;
  readonly colStride: number;
}

/** A row-major rows × cols matrix as a strided view (transposed: read as its transpose). */
export function view(values: Float32Array, cols: number, transposed = false): Strided {
  return transposed ? { values, rowStride: 1, colStride: cols } : { values, rowStride: cols, colStride: 1 };
}

/**
 * out (rows × cols, row-major) = a (rows × shared) · b (shared × cols), as tfjs cpu's
 * BatchMatMul computes it: a float64 sum over each block of 48 shared indices, added
 * into the float32 result block after block.
 */
export function matMul(out: Float32Array, a: Strided, b: Strided, rows: number, cols: number, shared: number): void {
  const av = a.values;
  const bv = b.values;
  for (let i = 0; i < rows; i++) {
    const aRow = i * a.rowStride;
    for (let j = 0; j < cols; j++) {
      const bCol = j * b.colStride;
      let acc = 0;
      for (let k0 = 0; k0 < shared; k0 += MATMUL_BLOCK) {
        const end = Math.min(k0 + MATMUL_BLOCK, shared);
        let sum = 0;
        for (let k = k0; k < end; k++) sum += av[aRow + k * a.colStride] * bv[k * b.rowStride + bCol];
        acc = f32(acc + sum);
      }
      out[i * cols + j] = acc;
    }
  }
}

/** m[i, j] += v[j] for a row-major rows × cols matrix (tfjs's broadcast Add). */
export function addRowVector(m: Float32Array, v: Float32Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) m[o + j] = f32(m[o + j] + v[j]);
  }
}

/** Column sums of a row-major rows × cols matrix (tfjs's Sum over axis 0: float64 along each column). */
export function columnSums(out: Float32Array, m: Float32Array, rows: number, cols: number): void {
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += m[i * cols + j];
    out[j] = sum;
  }
}

/** Sum of a float32 vector's elements in order, in float64 (tfjs's Sum over every axis), rounded to float32. */
export function total(values: Float32Array, length = values.length): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += values[i];
  return f32(sum);
}

/**
 * One row's log-softmax (logits − logSumExp) into out, as tfjs's logSumExp op and Sub
 * compute it: max (NaN wins), x − max, exp, float64 sum, log, max + log, then x − that.
 */
export function logSoftmaxRow(out: Float32Array, z: Float32Array, offset: number, k: number): void {
  let max = z[offset];
  for (let j = 0; j < k; j++) {
    const value = z[offset + j];
    if (Number.isNaN(value) || value > max) max = value;
  }
  let sum = 0;
  for (let j = 0; j < k; j++) sum += f32(Math.exp(f32(z[offset + j] - max)));
  const lse = f32(max + f32(Math.log(f32(sum))));
  for (let j = 0; j < k; j++) out[offset + j] = f32(z[offset + j] - lse);
}

/** exp as the cpu backend's Exp kernel computes it. */
export function exp32(x: number): number {
  return f32(Math.exp(x));
}

/** A hidden activation in place, as tfjs's Relu, Tanh and Sigmoid kernels compute it. */
export function activateInPlace(out: Float32Array, pre: Float32Array, length: number, activation: string): void {
  if (activation === 'tanh') for (let i = 0; i < length; i++) out[i] = Math.tanh(pre[i]);
  else if (activation === 'sigmoid') for (let i = 0; i < length; i++) out[i] = 1 / (1 + Math.exp(-pre[i]));
  else for (let i = 0; i < length; i++) out[i] = Math.max(0, pre[i]);
}

/** Square root as the cpu backend's Sqrt kernel computes it. */
export function sqrt32(x: number): number {
  return f32(Math.sqrt(x));
}
