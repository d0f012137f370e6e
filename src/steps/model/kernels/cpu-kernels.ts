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

/** Float64 running sums for one block of the shared dimension (grown on demand). */
let scratch = new Float64Array(256);
function sums(size: number): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(size);
  scratch.fill(0, 0, size);
  return scratch;
}

// The three products below are tfjs cpu's BatchMatMul: for every output element, a
// float64 sum of the products over each block of 48 shared indices (in index order),
// added into the float32 result block after block. Only the loop order differs (the
// sums of many outputs advance together, so the inner loops read memory in order);
// each output's own sequence of operations is the same.

/** out (rows × cols) = a (rows × shared) · b (shared × cols), all row-major. */
export function matMul(out: Float32Array, a: Float32Array, b: Float32Array, rows: number, cols: number, shared: number): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let k0 = 0; k0 < shared; k0 += MATMUL_BLOCK) {
      const acc = sums(cols);
      const end = Math.min(k0 + MATMUL_BLOCK, shared);
      for (let k = k0; k < end; k++) {
        const aik = a[i * shared + k];
        const bk = k * cols;
        for (let j = 0; j < cols; j++) acc[j] += aik * b[bk + j];
      }
      for (let j = 0; j < cols; j++) out[o + j] = (k0 === 0 ? 0 : out[o + j]) + acc[j];
    }
  }
}

/** out (rows × cols) = aᵀ · b, where a is shared × rows and b is shared × cols, row-major. */
export function matMulTransposeA(out: Float32Array, a: Float32Array, b: Float32Array, rows: number, cols: number, shared: number): void {
  for (let k0 = 0; k0 < shared; k0 += MATMUL_BLOCK) {
    const acc = sums(rows * cols);
    const end = Math.min(k0 + MATMUL_BLOCK, shared);
    for (let k = k0; k < end; k++) {
      const ak = k * rows;
      const bk = k * cols;
      for (let i = 0; i < rows; i++) {
        const aki = a[ak + i];
        const o = i * cols;
        for (let j = 0; j < cols; j++) acc[o + j] += aki * b[bk + j];
      }
    }
    for (let x = 0; x < rows * cols; x++) out[x] = (k0 === 0 ? 0 : out[x]) + acc[x];
  }
}

/** out (rows × cols) = a · bᵀ, where a is rows × shared and b is cols × shared, row-major. */
export function matMulTransposeB(out: Float32Array, a: Float32Array, b: Float32Array, rows: number, cols: number, shared: number): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let value = 0;
      for (let k0 = 0; k0 < shared; k0 += MATMUL_BLOCK) {
        const end = Math.min(k0 + MATMUL_BLOCK, shared);
        let sum = 0;
        for (let k = k0; k < end; k++) sum += a[i * shared + k] * b[j * shared + k];
        value = f32(value + sum);
      }
      out[i * cols + j] = value;
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

/**
 * One row's log-softmax (logits − logSumExp) into out, as tfjs's logSumExp op and Sub
 * compute it: max (NaN wins), x − max, exp, float64 sum, log, max + log, then x − that.
 */
export function logSoftmaxRow(out: Float32Array, z: Float32Array, offset: number, k: number): void {
  const max = rowMax(z, offset, k);
  let sum = 0;
  for (let j = 0; j < k; j++) sum += f32(Math.exp(f32(z[offset + j] - max)));
  const lse = f32(max + f32(Math.log(f32(sum))));
  for (let j = 0; j < k; j++) out[offset + j] = f32(z[offset + j] - lse);
}

/** The largest of k values from offset, as tfjs cpu's Max kernel finds it (a NaN wins). */
export function rowMax(z: Float32Array, offset: number, k: number): number {
  let max = z[offset];
  for (let j = 0; j < k; j++) {
    const value = z[offset + j];
    if (Number.isNaN(value) || value > max) max = value;
  }
  return max;
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

/** Relu's gradient as tfjs computes it (dy · step(pre), NaN where pre is NaN) into `into`. */
export function reluGradient(into: Float32Array, dy: Float32Array, pre: Float32Array, length: number): void {
  for (let i = 0; i < length; i++) into[i] = dy[i] * (Number.isNaN(pre[i]) ? NaN : pre[i] > 0 ? 1 : 0);
}

/** The L2 penalty's gradient added to a kernel's, as tfjs's Add, Mul and Mul compute it: g ← g + penalty · (w · 2). */
export function addPenalty(g: Float32Array, w: Float32Array, penalty: number, length: number): void {
  for (let i = 0; i < length; i++) g[i] = f32(g[i] + f32(penalty * f32(w[i] * 2)));
}

/** Copies rows order[start…start+rows) of a row-major matrix with `width` columns into the first rows of `into`. */
export function gatherRows(into: Float32Array, from: Float32Array, order: Int32Array, start: number, rows: number, width: number): void {
  for (let r = 0; r < rows; r++) {
    const src = order[start + r] * width;
    const dst = r * width;
    for (let c = 0; c < width; c++) into[dst + c] = from[src + c];
  }
}

/** Square root as the cpu backend's Sqrt kernel computes it. */
export function sqrt32(x: number): number {
  return f32(Math.sqrt(x));
}
