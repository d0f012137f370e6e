// A deterministic limited-memory BFGS minimiser for smooth unconstrained problems, iterating
// the way SciPy's L-BFGS-B 3.0 (`scipy.optimize.minimize(method='L-BFGS-B')`) does when no
// bounds are given, so that scikit-learn's `LogisticRegression(solver='lbfgs')` can be
// reproduced to its stopping point:
// - the direction is −H·g from the last `memory` pairs (s, y), with H0 = I/θ, θ = yᵀy / sᵀy of
//   the newest pair (the compact L-BFGS-B matrix without bounds, written as the two-loop recursion);
// - the first step tries a step of length 1/‖g‖, later ones the full step 1, both through the
//   Moré–Thuente strong-Wolfe search (ftol 1e-3, gtol 0.9, xtol 0.1) with at most `maxLineSearch`
//   evaluations; a pair with sᵀy <= ε·(−gᵀd·stp) is skipped; a failed search restarts from
//   steepest descent with an empty memory, or stops when the memory was already empty;
// - it stops when max|g| <= gtol, when (f_old − f) <= ftol·max(|f_old|, |f|, 1), or after
//   `maxIterations` iterations (SciPy's `gtol`, `ftol` and `maxiter`).
// Float64 typed arrays throughout, no randomness: the same inputs give the same bits.
import { MoreThuenteSearch, type SearchTolerances } from './line-search';

/** A smooth function: writes its gradient at `x` into `grad` and returns its value. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/** Knobs of the minimiser; the defaults are SciPy 1.10's L-BFGS-B defaults except `maxIterations`. */
export interface LbfgsOptions {
  /** Number of (s, y) pairs kept (SciPy's maxcor, default 10). */
  readonly memory?: number;
  /** Stop when the largest gradient component is at most this (SciPy's gtol, default 1e-5). */
  readonly gtol?: number;
  /** Stop when the relative reduction of f is at most this (SciPy's ftol = factr·ε, default 2.22e-9). */
  readonly ftol?: number;
  /** Stop after this many iterations (SciPy's maxiter, default 15000). */
  readonly maxIterations?: number;
  /** Give up a line search after this many evaluations (SciPy's maxls, default 20). */
  readonly maxLineSearch?: number;
  /** Called after each completed iteration with its number (from 1), the point and f there; must not change x. */
  readonly onIteration?: (iteration: number, x: Float64Array, f: number) => void;
}

/** Why the minimiser stopped. */
export type LbfgsStop = 'gradient' | 'reduction' | 'max-iterations' | 'line-search';

/** The minimiser's answer: the point, its value and gradient, and how it got there. */
export interface LbfgsResult {
  readonly x: Float64Array;
  readonly f: number;
  readonly grad: Float64Array;
  readonly iterations: number;
  readonly evaluations: number;
  readonly stop: LbfgsStop;
}

const EPS = 2.220446049250313e-16;
const SEARCH: SearchTolerances = { ftol: 1e-3, gtol: 0.9, xtol: 0.1, stpmin: 0, stpmax: 1e10 };

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** The last `memory` curvature pairs, oldest first, with ρ = 1/sᵀy and the scaling θ. */
class Memory {
  readonly s: Float64Array[] = [];
  readonly y: Float64Array[] = [];
  readonly rho: number[] = [];
  theta = 1;
  private readonly alpha: Float64Array;

  constructor(private readonly size: number) {
    this.alpha = new Float64Array(size);
  }

  get count(): number {
    return this.s.length;
  }

  clear(): void {
    this.s.length = this.y.length = this.rho.length = 0;
    this.theta = 1;
  }

  /** Adds a pair, reusing the oldest pair's arrays once full. */
  push(s: Float64Array, y: Float64Array, sy: number, yy: number): void {
    const full = this.s.length === this.size;
    const sNew = full ? this.s.shift()! : new Float64Array(s.length);
    const yNew = full ? this.y.shift()! : new Float64Array(y.length);
    if (full) this.rho.shift();
    sNew.set(s);
    yNew.set(y);
    this.s.push(sNew);
    this.y.push(yNew);
    this.rho.push(1 / sy);
    this.theta = yy / sy;
  }

  /** Writes d = −H·g (two-loop recursion, H0 = I/θ) into `d`. */
  direction(g: Float64Array, d: Float64Array): void {
    const { s, y, rho, alpha } = this;
    for (let i = 0; i < d.length; i++) d[i] = -g[i];
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], d);
      const yk = y[k];
      for (let i = 0; i < d.length; i++) d[i] -= alpha[k] * yk[i];
    }
    const scale = 1 / this.theta;
    for (let i = 0; i < d.length; i++) d[i] *= scale;
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k] * dot(y[k], d);
      const sk = s[k];
      for (let i = 0; i < d.length; i++) d[i] += (alpha[k] - beta) * sk[i];
    }
  }
}

/** Working arrays and counters of one minimisation. */
interface State {
  readonly x: Float64Array;
  readonly g: Float64Array;
  f: number;
  evaluations: number;
  readonly t: Float64Array; // x before the line search
  readonly r: Float64Array; // g before the line search
  readonly d: Float64Array;
}

/** Searches along `st.d` from `st.t`; leaves x, g, f at the accepted step and returns it, or NaN on failure. */
function lineSearch(fg: Objective, st: State, firstStep: number, maxLs: number): { step: number; gd: number; gdOld: number } {
  const { x, g, t, d } = st;
  const gdOld = dot(g, d);
  const fail = { step: NaN, gd: NaN, gdOld };
  const search = new MoreThuenteSearch(firstStep, st.f, gdOld, SEARCH);
  if (!search.valid) return fail;
  for (let tries = 1; ; tries++) {
    const stp = search.step;
    for (let i = 0; i < x.length; i++) x[i] = stp * d[i] + t[i];
    st.f = fg(x, g);
    st.evaluations++;
    const gd = dot(g, d);
    const status = search.next(st.f, gd);
    if (status === 'converged' || status === 'warning') return { step: stp, gd, gdOld };
    if (status === 'error' || tries >= maxLs) return fail;
  }
}

/** Minimises `fg` from `x0` (left untouched). */
export function minimizeLbfgs(fg: Objective, x0: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const n = x0.length;
  const { memory = 10, gtol = 1e-5, ftol = 2.2204460492503131e-9, maxIterations = 15000, maxLineSearch = 20 } = options;
  const st: State = { x: Float64Array.from(x0), g: new Float64Array(n), f: 0, evaluations: 1, t: new Float64Array(n), r: new Float64Array(n), d: new Float64Array(n) };
  st.f = fg(st.x, st.g);
  const done = (iterations: number, stop: LbfgsStop): LbfgsResult => ({ x: st.x, f: st.f, grad: st.g, iterations, evaluations: st.evaluations, stop });
  if (maxAbs(st.g) <= gtol) return done(0, 'gradient');
  const mem = new Memory(memory);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  let iterations = 0;
  for (;;) {
    mem.direction(st.g, st.d);
    st.t.set(st.x);
    st.r.set(st.g);
    const fOld = st.f;
    const first = iterations === 0 ? Math.min(1 / Math.sqrt(dot(st.d, st.d)), SEARCH.stpmax) : 1;
    const ls = lineSearch(fg, st, first, maxLineSearch);
    if (Number.isNaN(ls.step)) {
      st.x.set(st.t);
      st.g.set(st.r);
      st.f = fOld;
      if (mem.count === 0) return done(iterations + 1, 'line-search');
      mem.clear();
      continue;
    }
    iterations++;
    options.onIteration?.(iterations, st.x, st.f);
    if (iterations >= maxIterations) return done(iterations, 'max-iterations');
    if (maxAbs(st.g) <= gtol) return done(iterations, 'gradient');
    if (fOld - st.f <= ftol * Math.max(Math.abs(fOld), Math.abs(st.f), 1)) return done(iterations, 'reduction');
    remember(mem, st, ls, s, y);
  }
}

/** Stores the pair s = stp·d, y = Δg, unless its curvature sᵀy (from the slopes, as L-BFGS-B takes it) is not clearly positive. */
function remember(mem: Memory, st: State, ls: { step: number; gd: number; gdOld: number }, s: Float64Array, y: Float64Array): void {
  const sy = ls.step === 1 ? ls.gd - ls.gdOld : (ls.gd - ls.gdOld) * ls.step;
  const floor = ls.step === 1 ? -ls.gdOld : -ls.gdOld * ls.step;
  if (sy <= EPS * floor) return;
  for (let i = 0; i < s.length; i++) {
    s[i] = ls.step * st.d[i];
    y[i] = st.g[i] - st.r[i];
  }
  mem.push(s, y, sy, dot(y, y));
}
