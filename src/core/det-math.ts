/**
 * Deterministic elementary functions. Math.exp, Math.log, Math.sin and Math.cos
 * are not bit-identical across JavaScript engines (measured: Node 20 and Chromium
 * 156 disagree in the last bit), so every float64 result that feeds a hash uses
 * these instead. They are built only from IEEE-754 basic operations (+ − × ÷ and
 * sqrt), which every engine rounds the same way, and are accurate to a few ulps.
 */

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;
const PIO2_1 = 1.57079632673412561417e+0;
const PIO2_2 = 6.07710050650619224932e-11;
const PIO2_3 = 2.02226624879595063154e-21;
const TWO_OVER_PI = 6.36619772367581382433e-1;

const view = new DataView(new ArrayBuffer(8));

/** 2^k for integer k in the normal range, built exactly from its bits. */
function pow2(k: number): number {
  view.setUint32(0, ((k + 1023) << 20) >>> 0);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

/** e^x. */
export function detExp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.78) return Infinity;
  if (x < -745.2) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  // Taylor series of e^r for |r| ≤ ln2/2: 18 terms reach below 1e-17.
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 18; n++) {
    term = (term * r) / n;
    sum += term;
  }
  // Split the scale so that 2^k stays representable near the ends of the range.
  const half = Math.trunc(k / 2);
  return sum * pow2(half) * pow2(k - half);
}

/** Natural logarithm. */
export function detLog(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let e = 0;
  let m = x;
  if (m < 2.2250738585072014e-308) {
    m *= 18014398509481984; // 2^54: lift subnormals into the normal range
    e -= 54;
  }
  view.setFloat64(0, m);
  const hi = view.getUint32(0);
  e += ((hi >>> 20) & 0x7ff) - 1023;
  view.setUint32(0, (hi & 0x000fffff) | 0x3ff00000);
  m = view.getFloat64(0); // m in [1, 2)
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // log(m) = 2·atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.1716.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = 0;
  for (let n = 1; n <= 41; n += 2) {
    sum += term / n;
    term *= s2;
  }
  return e * LN2_HI + (e * LN2_LO + 2 * sum);
}

/** Reduces x to r in [−π/4, π/4] and the quadrant q (x = q·π/2 + r). Exact enough for |x| < 1e6. */
function reduce(x: number): [number, number] {
  const q = Math.round(x * TWO_OVER_PI);
  const r = x - q * PIO2_1 - q * PIO2_2 - q * PIO2_3;
  return [r, ((q % 4) + 4) % 4];
}

function sinSeries(r: number): number {
  const r2 = r * r;
  let term = r;
  let sum = r;
  for (let n = 1; n <= 11; n++) {
    term = (-term * r2) / ((2 * n) * (2 * n + 1));
    sum += term;
  }
  return sum;
}

function cosSeries(r: number): number {
  const r2 = r * r;
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 11; n++) {
    term = (-term * r2) / ((2 * n - 1) * (2 * n));
    sum += term;
  }
  return sum;
}

/** Sine (arguments up to about 1e6 in magnitude). */
export function detSin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const [r, q] = reduce(x);
  return q === 0 ? sinSeries(r) : q === 1 ? cosSeries(r) : q === 2 ? -sinSeries(r) : -cosSeries(r);
}

/** Cosine (arguments up to about 1e6 in magnitude). */
export function detCos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const [r, q] = reduce(x);
  return q === 0 ? cosSeries(r) : q === 1 ? -sinSeries(r) : q === 2 ? -cosSeries(r) : sinSeries(r);
}
