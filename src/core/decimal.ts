// Reading a plain decimal number from a CSV cell in one pass: the check that it is one and its
// value, the same double Number() gives (bit for bit), without a regular expression.

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k); // 10^0 … 10^22: all exact doubles

/** Significant digits that always fit in a double's 53-bit integer (10^15 < 2^53). */
const EXACT_DIGITS = 15;

/**
 * The value of a plain decimal (`[+-]digits[.digits][e[+-]digits]`, or `.digits`: no hex,
 * no Infinity, no separators), or undefined where `s` is not one. Where the digits fit in
 * 15 and the power of ten is within ±22, the value is one exact integer times or divided
 * by one exact power of ten, a single correctly rounded operation, hence the same double
 * as Number(s) (Clinger's fast path); other decimals go to Number itself.
 */
export function decimalValue(s: string): number | undefined {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  const negative = c === 45;
  if (c === 43 || c === 45) c = s.charCodeAt(++i);
  let mantissa = 0;
  let digits = 0;
  let seen = 0; // digits before and after the point, leading zeros included
  let scale = 0;
  for (; i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57; i++, seen++) {
    if (mantissa !== 0 || c !== 48) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    }
  }
  if (c === 46 && i < n) {
    for (i++; i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57; i++, seen++, scale--) {
      if (mantissa !== 0 || c !== 48) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
      }
    }
  }
  if (seen === 0) return undefined;
  if (i < n && (c === 101 || c === 69)) {
    const exponent = readExponent(s, i + 1);
    if (exponent === undefined) return undefined;
    if (digits > EXACT_DIGITS || Math.abs(scale + exponent) > 22) return Number(s);
    scale += exponent;
  } else if (i < n) return undefined;
  if (digits > EXACT_DIGITS || scale < -22) return Number(s);
  const value = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
  return negative ? -value : value;
}

/** The exponent written from `at` to the end (`[+-]digits`), capped far beyond any double; undefined where it is not one. */
function readExponent(s: string, at: number): number | undefined {
  let i = at;
  let c = s.charCodeAt(i);
  const negative = c === 45;
  if (c === 43 || c === 45) i++;
  if (i >= s.length) return undefined;
  let e = 0;
  for (; i < s.length; i++) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    if (e < 1e6) e = e * 10 + (c - 48);
  }
  return negative ? -e : e;
}
