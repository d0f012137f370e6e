// decimalValue: the same double as Number() for every plain decimal, undefined for everything else.
import { describe, expect, it } from 'vitest';
import { decimalValue } from '../../src/core/decimal';
import { Prng } from '../../src/core/prng';

/** Whether two doubles are the same bits (tells -0 from 0). */
const same = (a: number | undefined, b: number) => a !== undefined && Object.is(a, b);

describe('decimalValue', () => {
  it('reads plain decimals exactly as Number does, -0, leading zeros and exponents included', () => {
    const cases = ['1', '-2.5', '+.5', '3.', '1e3', '-4E-2', '007', '-0', '0.000', '-0.0', '0e500', '1e400', '-1e400', '123456789012345', '1234567890123456789',
      '0.1', '0.3', '2.675', '1.7976931348623157e308', '4.9e-324', '1e-22', '1e22', '1e23', '9007199254740993', '0.000000000000000000000001', '12.34e-5'];
    for (const s of cases) expect(same(decimalValue(s), Number(s)), s).toBe(true);
  });

  it('agrees with Number bit for bit on 200,000 seeded random decimals of every shape', () => {
    const rng = new Prng(23);
    const digits = (n: number) => Array.from({ length: n }, () => String(rng.nextUint32() % 10)).join('');
    for (let k = 0; k < 200_000; k++) {
      const r = rng.nextUint32();
      const sign = ['', '-', '+'][r % 3];
      const int = digits(r % 7 === 0 ? 0 : 1 + (rng.nextUint32() % 12));
      const frac = r % 5 === 0 ? '' : '.' + digits(rng.nextUint32() % 12);
      const exp = r % 4 === 0 ? `e${['', '-', '+'][rng.nextUint32() % 3]}${rng.nextUint32() % 40}` : '';
      const s = sign + int + frac + exp;
      if (int === '' && (frac === '' || frac === '.')) continue;
      expect(same(decimalValue(s), Number(s)), s).toBe(true);
    }
  });

  it('refuses anything that is not a plain decimal', () => {
    for (const s of ['', '0x1f', 'Infinity', '-Infinity', 'NaN', '1e', '1e+', '1.2.3', '--1', '1_000', 'e5', '+', '-', '.', '1 2', '1,5', '0b1', '1ee3', '.e1', '5%']) {
      expect(decimalValue(s), s).toBeUndefined();
    }
  });
});
