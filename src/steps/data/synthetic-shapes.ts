import { detCos, detSin } from '../../core/det-math';
import type { Prng } from '../../core/prng';

/** Points of a two-class 2-D data set: coordinates and a class (0 or 1) per point. */
export interface Points {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly label: Int32Array;
}

/** A generator: n points with Gaussian noise of standard deviation `noise`. */
export type ShapeGenerator = (n: number, noise: number, rng: Prng) => Points;

function build(n: number, draw: (i: number, cls: number) => [number, number], noise: number, rng: Prng): Points {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cls = i % 2;
    const [px, py] = draw(i >> 1, cls);
    x[i] = px + noise * rng.normal();
    y[i] = py + noise * rng.normal();
    label[i] = cls;
  }
  return { x, y, label };
}

/** A disk of one class inside a ring of the other. */
const circle: ShapeGenerator = (n, noise, rng) =>
  build(n, (_i, cls) => {
    const r = cls === 0 ? rng.uniform(0, 0.45) : rng.uniform(0.65, 1);
    const t = rng.uniform(0, 2 * Math.PI);
    return [r * detCos(t), r * detSin(t)];
  }, noise, rng);

/** Four quadrants: the class is the sign of x·y. */
const xor: ShapeGenerator = (n, noise, rng) =>
  build(n, (_i, cls) => {
    const sx = rng.next() < 0.5 ? -1 : 1;
    const sy = cls === 0 ? sx : -sx;
    return [sx * rng.uniform(0.05, 1), sy * rng.uniform(0.05, 1)];
  }, noise, rng);

/** Two round clouds on opposite corners. */
const gaussian: ShapeGenerator = (n, noise, rng) =>
  build(n, (_i, cls) => {
    const c = cls === 0 ? 0.45 : -0.45;
    return [c + 0.2 * rng.normal(), c + 0.2 * rng.normal()];
  }, noise, rng);

/** Two interleaved spiral arms. */
const spiral: ShapeGenerator = (n, noise, rng) => {
  const perClass = Math.ceil(n / 2);
  return build(n, (i, cls) => {
    const r = i / perClass;
    const t = 1.75 * r * 2 * Math.PI + cls * Math.PI;
    return [r * detSin(t), r * detCos(t)];
  }, noise, rng);
};

/** Two interleaving half circles. */
const moons: ShapeGenerator = (n, noise, rng) => {
  const perClass = Math.ceil(n / 2);
  return build(n, (i, cls) => {
    const t = (Math.PI * i) / Math.max(1, perClass - 1);
    return cls === 0 ? [detCos(t) - 0.5, detSin(t) - 0.25] : [0.5 - detCos(t), 0.25 - detSin(t)];
  }, noise, rng);
};

/** Every synthetic shape by name. */
export const SHAPES: Readonly<Record<string, ShapeGenerator>> = { circle, xor, gaussian, spiral, moons };
