import { f32, sqrt32 } from '../kernels/cpu-kernels';
import type { AdamConstants, MatrixKernels } from '../kernels/cpu-matmul';

/** An optimizer over one flat float32 weight vector, given the flat gradient. */
export interface CpuUpdater {
  apply(w: Float32Array, g: Float32Array): void;
}

/**
 * The optimizer `name` (as makeUpdater offers them) on flat vectors, with exactly the
 * bits tfjs's optimizers give on the cpu backend: each of their element-wise ops,
 * in their order, scalars as float32 constants.
 */
export function makeCpuUpdater(name: string, learningRate: number, epsilon: number, size: number, kernels: MatrixKernels): CpuUpdater {
  switch (name) {
    case 'sgd':
      return sgd(learningRate);
    case 'momentum':
      return momentum(learningRate, 0.9, size);
    case 'rmsprop':
      return rmsprop(learningRate, 0.9, epsilon, size);
    default:
      return adam(learningRate, 0.9, 0.999, epsilon, kernels.alloc(size), kernels.alloc(size), kernels.adam?.bind(kernels));
  }
}

/** tfjs's SGD: w ← c·g + w with c = −learning rate. */
function sgd(learningRate: number): CpuUpdater {
  const c = f32(-learningRate);
  return {
    apply(w, g) {
      for (let i = 0; i < w.length; i++) w[i] = f32(f32(c * g[i]) + w[i]);
    },
  };
}

/** tfjs's momentum optimizer (not Nesterov): a ← m·a + g; w ← c·a + w. */
function momentum(learningRate: number, m: number, size: number): CpuUpdater {
  const c = f32(-learningRate);
  const mf = f32(m);
  const acc = new Float32Array(size);
  return {
    apply(w, g) {
      for (let i = 0; i < w.length; i++) {
        acc[i] = f32(f32(mf * acc[i]) + g[i]);
        w[i] = f32(f32(c * acc[i]) + w[i]);
      }
    },
  };
}

/** tfjs's RMSProp, uncentred, momentum 0 (as makeOptimizer builds it). */
function rmsprop(learningRate: number, decay: number, epsilon: number, size: number): CpuUpdater {
  const [d, oneMinusD, lr, eps, mo] = [f32(decay), f32(1 - decay), f32(learningRate), f32(epsilon), f32(0)];
  const meanSquare = new Float32Array(size);
  const moments = new Float32Array(size);
  return {
    apply(w, g) {
      for (let i = 0; i < w.length; i++) {
        meanSquare[i] = f32(f32(meanSquare[i] * d) + f32(f32(g[i] * g[i]) * oneMinusD));
        moments[i] = f32(f32(moments[i] * mo) + f32(f32(g[i] * lr) / sqrt32(f32(meanSquare[i] + eps))));
        w[i] = f32(w[i] - moments[i]);
      }
    },
  };
}

/**
 * tfjs's Adam, op for op as FlatAdam runs it (bias corrections from float32 running
 * powers of β), with the moments in m and v; `simd`, where given, runs the same step.
 */
function adam(learningRate: number, beta1: number, beta2: number, epsilon: number, m: Float32Array, v: Float32Array, simd?: MatrixKernels['adam']): CpuUpdater {
  const [b1, b2] = [f32(beta1), f32(beta2)];
  // One object for every step (the bias corrections change in place): a step allocates nothing.
  const c = { b1, c1: f32(1 - beta1), b2, c2: f32(1 - beta2), eps: f32(epsilon), step: f32(-learningRate), oneMinusAcc1: 0, oneMinusAcc2: 0 };
  let accBeta1 = b1;
  let accBeta2 = b2;
  return {
    apply(w, g) {
      c.oneMinusAcc1 = f32(1 - accBeta1);
      c.oneMinusAcc2 = f32(1 - accBeta2);
      if (simd) simd(w, g, m, v, c);
      else adamStep(w, g, m, v, c);
      accBeta1 = f32(accBeta1 * b1);
      accBeta2 = f32(accBeta2 * b2);
    },
  };
}

function adamStep(w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, c: AdamConstants): void {
  for (let i = 0; i < w.length; i++) {
    const newM = f32(f32(m[i] * c.b1) + f32(g[i] * c.c1));
    const newV = f32(f32(v[i] * c.b2) + f32(f32(g[i] * g[i]) * c.c2));
    m[i] = newM;
    v[i] = newV;
    const correctedM = f32(newM / c.oneMinusAcc1);
    const correctedV = f32(newV / c.oneMinusAcc2);
    w[i] = f32(f32(f32(correctedM / f32(sqrt32(correctedV) + c.eps)) * c.step) + w[i]);
  }
}
