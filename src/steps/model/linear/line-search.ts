// The Moré–Thuente line search (Moré & Thuente 1994, "Line search algorithms with guaranteed
// sufficient decrease"), in the form L-BFGS-B 3.0 drives it: a state machine fed one
// (value, slope) pair per trial step, which answers with the next step to try or says it is
// done. It finds a step satisfying the strong Wolfe conditions
//   f(stp) <= f(0) + ftol·stp·f'(0)   and   |f'(stp)| <= gtol·|f'(0)|
// by safeguarded cubic/quadratic interpolation inside a shrinking bracket. Pure float64
// arithmetic, no randomness: the same inputs give the same steps, bit for bit.

/** What the search says after a trial: evaluate at `step` again, or stop (converged or warned). */
export type SearchStatus = 'evaluate' | 'converged' | 'warning' | 'error';

/** Tolerances of the search; L-BFGS-B uses ftol 1e-3, gtol 0.9, xtol 0.1. */
export interface SearchTolerances {
  readonly ftol: number;
  readonly gtol: number;
  readonly xtol: number;
  readonly stpmin: number;
  readonly stpmax: number;
}

/** One end of the interval of uncertainty: step, value and slope (the value may be the modified one). */
interface End {
  stp: number;
  f: number;
  g: number;
}

/** The interval update's result: the new trial step and whether a minimiser is now bracketed. */
interface StepUpdate {
  next: number;
  bracketed: boolean;
}

const XTRAPL = 1.1;
const XTRAPU = 4;

function cubicGamma(theta: number, a: number, b: number, clampAtZero: boolean): number {
  const s = Math.max(Math.abs(theta), Math.abs(a), Math.abs(b));
  const disc = (theta / s) * (theta / s) - (a / s) * (b / s);
  return s * Math.sqrt(clampAtZero ? Math.max(0, disc) : disc);
}

/** Case 1: higher value at the trial step: the minimiser lies between x and the trial. */
function higherValue(x: End, t: End): number {
  const theta = (3 * (x.f - t.f)) / (t.stp - x.stp) + x.g + t.g;
  let gamma = cubicGamma(theta, x.g, t.g, false);
  if (t.stp < x.stp) gamma = -gamma;
  const p = gamma - x.g + theta;
  const q = gamma - x.g + gamma + t.g;
  const stpc = x.stp + (p / q) * (t.stp - x.stp);
  const stpq = x.stp + (x.g / ((x.f - t.f) / (t.stp - x.stp) + x.g) / 2) * (t.stp - x.stp);
  return Math.abs(stpc - x.stp) < Math.abs(stpq - x.stp) ? stpc : stpc + (stpq - stpc) / 2;
}

/** Case 2: lower value and slopes of opposite sign: the minimiser lies between x and the trial. */
function signChange(x: End, t: End): number {
  const theta = (3 * (x.f - t.f)) / (t.stp - x.stp) + x.g + t.g;
  let gamma = cubicGamma(theta, x.g, t.g, false);
  if (t.stp > x.stp) gamma = -gamma;
  const p = gamma - t.g + theta;
  const q = gamma - t.g + gamma + x.g;
  const stpc = t.stp + (p / q) * (x.stp - t.stp);
  const stpq = t.stp + (t.g / (t.g - x.g)) * (x.stp - t.stp);
  return Math.abs(stpc - t.stp) > Math.abs(stpq - t.stp) ? stpc : stpq;
}

/** Case 3: lower value, same slope sign, slope shrinking in magnitude. */
function shrinkingSlope(x: End, y: End, t: End, bracketed: boolean, lo: number, hi: number): number {
  const theta = (3 * (x.f - t.f)) / (t.stp - x.stp) + x.g + t.g;
  let gamma = cubicGamma(theta, x.g, t.g, true);
  if (t.stp > x.stp) gamma = -gamma;
  const p = gamma - t.g + theta;
  const q = gamma + (x.g - t.g) + gamma;
  const r = p / q;
  let stpc: number;
  if (r < 0 && gamma !== 0) stpc = t.stp + r * (x.stp - t.stp);
  else stpc = t.stp > x.stp ? hi : lo;
  const stpq = t.stp + (t.g / (t.g - x.g)) * (x.stp - t.stp);
  if (bracketed) {
    const f = Math.abs(stpc - t.stp) < Math.abs(stpq - t.stp) ? stpc : stpq;
    const limit = t.stp + 0.66 * (y.stp - t.stp);
    return t.stp > x.stp ? Math.min(limit, f) : Math.max(limit, f);
  }
  const f = Math.abs(stpc - t.stp) > Math.abs(stpq - t.stp) ? stpc : stpq;
  return Math.max(lo, Math.min(hi, f));
}

/** Case 4: lower value, same slope sign, slope not shrinking: interpolate with y or extrapolate to a bound. */
function steepSlope(x: End, y: End, t: End, bracketed: boolean, lo: number, hi: number): number {
  if (!bracketed) return t.stp > x.stp ? hi : lo;
  const theta = (3 * (t.f - y.f)) / (y.stp - t.stp) + y.g + t.g;
  let gamma = cubicGamma(theta, y.g, t.g, false);
  if (t.stp > y.stp) gamma = -gamma;
  const p = gamma - t.g + theta;
  const q = gamma - t.g + gamma + y.g;
  return t.stp + (p / q) * (y.stp - t.stp);
}

/**
 * One safeguarded step of the interval update: picks the next trial from the best end `x`,
 * the other end `y` and the trial `t`, then moves the ends (x keeps the lowest value seen).
 */
function updateInterval(x: End, y: End, t: End, bracketed: boolean, lo: number, hi: number): StepUpdate {
  const sgnd = t.g * (x.g / Math.abs(x.g));
  let next: number;
  let nowBracketed = bracketed;
  if (t.f > x.f) {
    next = higherValue(x, t);
    nowBracketed = true;
  } else if (sgnd < 0) {
    next = signChange(x, t);
    nowBracketed = true;
  } else if (Math.abs(t.g) < Math.abs(x.g)) {
    next = shrinkingSlope(x, y, t, bracketed, lo, hi);
  } else {
    next = steepSlope(x, y, t, bracketed, lo, hi);
  }
  if (t.f > x.f) {
    Object.assign(y, t);
  } else {
    if (sgnd < 0) Object.assign(y, x);
    Object.assign(x, t);
  }
  return { next, bracketed: nowBracketed };
}

/** A strong-Wolfe line search along one direction, started at a first trial step. */
export class MoreThuenteSearch {
  /** The step to evaluate next (after 'evaluate') or the accepted step (after 'converged'/'warning'). */
  step: number;
  private readonly finit: number;
  private readonly ginit: number;
  private readonly gtest: number;
  private readonly x: End;
  private readonly y: End;
  private bracketed = false;
  private stage = 1;
  private width: number;
  private width1: number;
  private stmin = 0;
  private stmax: number;

  /** Starts a search from value `f0` and slope `g0` (< 0) at step 0, first trying `step`. */
  constructor(step: number, f0: number, g0: number, private readonly tol: SearchTolerances) {
    this.step = step;
    this.finit = f0;
    this.ginit = g0;
    this.gtest = tol.ftol * g0;
    this.width = tol.stpmax - tol.stpmin;
    this.width1 = this.width / 0.5;
    this.x = { stp: 0, f: f0, g: g0 };
    this.y = { stp: 0, f: f0, g: g0 };
    this.stmax = step + XTRAPU * step;
  }

  /** Whether the search may start at all (a descent slope and a step inside [stpmin, stpmax]). */
  get valid(): boolean {
    return this.ginit < 0 && this.step >= this.tol.stpmin && this.step <= this.tol.stpmax;
  }

  /** Feeds the value and slope at `this.step`; returns what to do next and updates `this.step`. */
  next(f: number, g: number): SearchStatus {
    const { gtol, xtol, stpmin, stpmax } = this.tol;
    const stp = this.step;
    const ftest = this.finit + stp * this.gtest;
    if (this.stage === 1 && f <= ftest && g >= 0) this.stage = 2;
    let status: SearchStatus = 'evaluate';
    if (this.bracketed && (stp <= this.stmin || stp >= this.stmax)) status = 'warning';
    if (this.bracketed && this.stmax - this.stmin <= xtol * this.stmax) status = 'warning';
    if (stp === stpmax && f <= ftest && g <= this.gtest) status = 'warning';
    if (stp === stpmin && (f > ftest || g >= this.gtest)) status = 'warning';
    if (f <= ftest && Math.abs(g) <= gtol * -this.ginit) status = 'converged';
    if (status !== 'evaluate') return status;
    this.interpolate(stp, f, g, ftest);
    this.safeguard(xtol, stpmin, stpmax);
    return 'evaluate';
  }

  private interpolate(stp: number, f: number, g: number, ftest: number): void {
    const { x, y, gtest } = this;
    const lo = this.stmin;
    const hi = this.stmax;
    let update: StepUpdate;
    if (this.stage === 1 && f <= x.f && f > ftest) {
      // The modified function ψ(α) = f(α) − f(0) − ftol·α·f'(0) while no step has met the decrease yet.
      const xm = { stp: x.stp, f: x.f - x.stp * gtest, g: x.g - gtest };
      const ym = { stp: y.stp, f: y.f - y.stp * gtest, g: y.g - gtest };
      update = updateInterval(xm, ym, { stp, f: f - stp * gtest, g: g - gtest }, this.bracketed, lo, hi);
      Object.assign(x, { stp: xm.stp, f: xm.f + xm.stp * gtest, g: xm.g + gtest });
      Object.assign(y, { stp: ym.stp, f: ym.f + ym.stp * gtest, g: ym.g + gtest });
    } else {
      update = updateInterval(x, y, { stp, f, g }, this.bracketed, lo, hi);
    }
    this.bracketed = update.bracketed;
    this.step = update.next;
  }

  private safeguard(xtol: number, stpmin: number, stpmax: number): void {
    const { x, y } = this;
    if (this.bracketed) {
      if (Math.abs(y.stp - x.stp) >= 0.66 * this.width1) this.step = x.stp + 0.5 * (y.stp - x.stp);
      this.width1 = this.width;
      this.width = Math.abs(y.stp - x.stp);
      this.stmin = Math.min(x.stp, y.stp);
      this.stmax = Math.max(x.stp, y.stp);
    } else {
      this.stmin = this.step + XTRAPL * (this.step - x.stp);
      this.stmax = this.step + XTRAPU * (this.step - x.stp);
    }
    this.step = Math.min(Math.max(this.step, stpmin), stpmax);
    const stuck = this.bracketed && (this.step <= this.stmin || this.step >= this.stmax);
    if (stuck || (this.bracketed && this.stmax - this.stmin <= xtol * this.stmax)) this.step = x.stp;
  }
}
