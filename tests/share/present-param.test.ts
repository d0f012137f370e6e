import { describe, expect, it } from 'vitest';
import { presentRequested, setPresentParam } from '../../src/share/location';

/** A stand-in address bar: just what the two functions read and write. */
function addressBar(search: string, hash = '') {
  const loc = { pathname: '/app/', search, hash } as Location;
  const history = {
    state: null,
    replaceState(_s: unknown, _t: string, url: string) {
      const u = new URL(url, 'http://x');
      loc.search = u.search;
      loc.hash = u.hash;
    },
  } as unknown as History;
  return { loc, history };
}

describe('?present in the address', () => {
  it('asks for presentation mode, with or without a value', () => {
    expect(presentRequested(addressBar('?present').loc)).toBe(true);
    expect(presentRequested(addressBar('?a=1&present=').loc)).toBe(true);
    expect(presentRequested(addressBar('').loc)).toBe(false);
    expect(presentRequested(undefined)).toBe(false);
  });

  it('is added and removed by the toggle, keeping other parameters and a share fragment', () => {
    const { loc, history } = addressBar('?a=1', '#share=1.x');
    setPresentParam(true, loc, history);
    expect(loc.search).toBe('?a=1&present');
    expect(loc.hash).toBe('#share=1.x');
    setPresentParam(false, loc, history);
    expect(loc.search).toBe('?a=1');
    setPresentParam(false, loc, history);
    expect(loc.search).toBe('?a=1');
  });
});
