// Fast e^x and log x made only of IEEE-754 basic operations (+ − × ÷, exact rounding to an
// integer, reading a float's exponent bits), so every JavaScript engine gives the same bits. core/det-math's detExp is equally
// deterministic but sums 18 Taylor terms with a division each; the logistic objective calls exp
// once per class per row per evaluation (13,000 times per evaluation on digits), where that
// dominated the run. Here: x = k·ln2 + r with |r| <= ln2/2, e^r by Horner's rule over the
// Taylor coefficients 1/n! (n <= 14, truncation below 1e-17), scaled by 2^k from a table.
// log likewise: m·2^e with m in [√½, √2), log m = 2·atanh(s), s = (m − 1)/(m + 1), by Horner's
// rule over 1/(2j + 1), j <= 12 (|s| <= 0.172, truncation below 1e-17).
// Accurate to a few units in the last place; not bit-identical to detExp/detLog (nothing hashed
// yet depends on this module's results).

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.4426950408889634;
const TERMS = 14;

/** 1/n! for n = 0 … TERMS, each the float64 nearest to a quotient of exact integers. */
const INV_FACTORIAL = (() => {
  const out = new Float64Array(TERMS + 1);
  let factorial = 1; // exact up to 18!
  for (let n = 0; n <= TERMS; n++) {
    if (n > 0) factorial *= n;
    out[n] = 1 / factorial;
  }
  return out;
})();

/** 2^k for k = −1022 … 1023 at index k + 1022, built by exact doublings and halvings. */
const POW2 = (() => {
  const out = new Float64Array(2046);
  out[1022] = 1;
  for (let i = 1023; i < 2046; i++) out[i] = out[i - 1] * 2;
  for (let i = 1021; i >= 0; i--) out[i] = out[i + 1] / 2;
  return out;
})();

/** e^x, deterministic across engines, within a few ulps of the true value. */
export function polyExp(x: number): number {
  if (!(x <= 709.78)) return Number.isNaN(x) ? NaN : Infinity;
  if (x < -745.2) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let p = INV_FACTORIAL[TERMS];
  for (let n = TERMS - 1; n >= 0; n--) p = p * r + INV_FACTORIAL[n];
  // Two factors keep each power of two inside the table near the ends of the range.
  const half = Math.trunc(k / 2);
  return p * POW2[half + 1022] * POW2[k - half + 1022];
}

const LOG_TERMS = 12;
/** 1/(2j + 1) for j = 0 … LOG_TERMS. */
const INV_ODD = Float64Array.from({ length: LOG_TERMS + 1 }, (_, j) => 1 / (2 * j + 1));
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the 32-bit word holding a float64's sign, exponent and top mantissa bits. */
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Natural logarithm, deterministic across engines, within a few ulps of the true value. */
export function polyLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let e = 0;
  F64[0] = x;
  if (x < 2.2250738585072014e-308) {
    F64[0] = x * 18014398509481984; // 2^54 lifts a subnormal into the normal range
    e = -54;
  }
  const hi = U32[HIGH];
  e += ((hi >>> 20) & 0x7ff) - 1023;
  U32[HIGH] = (hi & 0x000fffff) | 0x3ff00000;
  let m = F64[0]; // in [1, 2)
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let p = INV_ODD[LOG_TERMS];
  for (let j = LOG_TERMS - 1; j >= 0; j--) p = p * s2 + INV_ODD[j];
  return e * LN2_HI + (e * LN2_LO + 2 * s * p);
}

const PAIR = new Float64Array(2);
const PAIR_U32 = new Uint32Array(PAIR.buffer);

/**
 * polyExp(a) into out[0] and polyExp(b) into out[1], the same bits, with the two evaluations
 * interleaved: each alone is one long chain of dependent multiply-adds, two side by side
 * run in about the time of one.
 */
export function polyExpPair(a: number, b: number, out: Float64Array): void {
  if (!(a <= 709.78 && a >= -745.2 && b <= 709.78 && b >= -745.2)) {
    out[0] = polyExp(a);
    out[1] = polyExp(b);
    return;
  }
  const ka = Math.round(a * INV_LN2);
  const kb = Math.round(b * INV_LN2);
  const ra = a - ka * LN2_HI - ka * LN2_LO;
  const rb = b - kb * LN2_HI - kb * LN2_LO;
  let pa = INV_FACTORIAL[TERMS];
  let pb = pa;
  for (let n = TERMS - 1; n >= 0; n--) {
    pa = pa * ra + INV_FACTORIAL[n];
    pb = pb * rb + INV_FACTORIAL[n];
  }
  const ha = Math.trunc(ka / 2);
  const hb = Math.trunc(kb / 2);
  out[0] = pa * POW2[ha + 1022] * POW2[ka - ha + 1022];
  out[1] = pb * POW2[hb + 1022] * POW2[kb - hb + 1022];
}

/** polyLog(a) into out[0] and polyLog(b) into out[1], the same bits, the two evaluations interleaved (see polyExpPair). */
export function polyLogPair(a: number, b: number, out: Float64Array): void {
  const normal = 2.2250738585072014e-308;
  if (!(a >= normal && a < Infinity && b >= normal && b < Infinity)) {
    out[0] = polyLog(a);
    out[1] = polyLog(b);
    return;
  }
  PAIR[0] = a;
  PAIR[1] = b;
  const hiA = PAIR_U32[HIGH];
  const hiB = PAIR_U32[2 + HIGH];
  let ea = ((hiA >>> 20) & 0x7ff) - 1023;
  let eb = ((hiB >>> 20) & 0x7ff) - 1023;
  PAIR_U32[HIGH] = (hiA & 0x000fffff) | 0x3ff00000;
  PAIR_U32[2 + HIGH] = (hiB & 0x000fffff) | 0x3ff00000;
  let ma = PAIR[0];
  let mb = PAIR[1];
  if (ma > Math.SQRT2) {
    ma /= 2;
    ea += 1;
  }
  if (mb > Math.SQRT2) {
    mb /= 2;
    eb += 1;
  }
  const sa = (ma - 1) / (ma + 1);
  const sb = (mb - 1) / (mb + 1);
  const qa = sa * sa;
  const qb = sb * sb;
  let pa = INV_ODD[LOG_TERMS];
  let pb = pa;
  for (let j = LOG_TERMS - 1; j >= 0; j--) {
    pa = pa * qa + INV_ODD[j];
    pb = pb * qb + INV_ODD[j];
  }
  out[0] = ea * LN2_HI + (ea * LN2_LO + 2 * sa * pa);
  out[1] = eb * LN2_HI + (eb * LN2_LO + 2 * sb * pb);
}
