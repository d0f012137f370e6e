// Property tests of the share-link codec (issue 6): generated pipelines round-trip exactly;
// random and mutated links are refused with a ShareError, never another error, never a hang.
import { describe, expect, it } from 'vitest';
import { MAX_SEED, Prng } from '../../src/core/prng';
import { restorePipeline } from '../../src/core/restore';
import { decodeShare, encodeShareFragment, shareUrl } from '../../src/share/link-codec';
import type { SharePayload } from '../../src/share/share-payload';
import { stepCatalog } from '../../src/steps/catalog';
import { EXAMPLES, loadExample } from '../helpers';
import { BASE64URL_ALPHABET, intIn, pick, randomPayload } from './generators';
import { GOLDEN_BASE, expectShareError, goldenLink, outcome } from './link-test-utils';

/** A hang guard only (a decode that never settles fails with a clear message), never a speed bound: generous for a busy machine. */
const PER_CALL_MS = 30_000;
const BASES = ['http://localhost:4173/', 'https://example.org/pipelab/?lang=de', 'https://x.test/app#old-fragment', 'file:///C:/pipelab/index.html'];
const HEX64 = /^[0-9a-f]{64}$/;

/** A payload is valid when its spec restores to itself and its expected result is well formed. */
function expectValidPayload(p: SharePayload, what: string): void {
  expect(restorePipeline(p.spec, stepCatalog), what).toEqual(p.spec);
  if (p.expected) expect(p.expected.resultHash, what).toMatch(HEX64);
  expect(Array.isArray(p.data), what).toBe(true);
}

describe('generated payloads round-trip through the link codec', () => {
  it('300 random valid payloads decode to exactly what was encoded (fragment and full URL)', async () => {
    const seen = { kinds: new Set<string>(), script: 0, emoji: 0, loneSurrogate: 0, maxName: 0, seed0: 0, seedMax: 0, expected: 0, noExpected: 0, disabled: 0 };
    for (let i = 0; i < 300; i++) {
      const p = randomPayload(new Prng(6000 + i));
      p.spec.steps.forEach((s) => seen.kinds.add(s.kind));
      seen.disabled += p.spec.steps.filter((s) => !s.enabled).length;
      seen.script += Number(p.spec.name.includes('<script>'));
      seen.emoji += Number(/\p{Extended_Pictographic}/u.test(p.spec.name));
      seen.loneSurrogate += Number(/[\ud800-\udfff]/.test(p.spec.name.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')));
      seen.maxName += Number(p.spec.name.length === 200);
      seen.seed0 += Number(p.spec.seed === 0);
      seen.seedMax += Number(p.spec.seed === MAX_SEED);
      seen[p.expected ? 'expected' : 'noExpected']++;
      const what = `payload from Prng(${6000 + i})`;
      expect(restorePipeline(p.spec, stepCatalog), `${what}: the generator made an invalid spec`).toEqual(p.spec);
      const fragment = await encodeShareFragment(p);
      expect(fragment, what).toMatch(/^share=1\.[A-Za-z0-9_-]+$/);
      expect(await decodeShare(fragment), what).toEqual(p);
      expect(await decodeShare(`#${fragment}`), what).toEqual(p);
      const url = await shareUrl(p, BASES[i % BASES.length]);
      expect(url.split('#')).toHaveLength(2);
      expect(await decodeShare(url), `${what} via ${url.slice(0, 60)}`).toEqual(p);
    }
    // The generator really covers what it claims: every step kind, hostile and unicode names, edge seeds.
    expect([...seen.kinds].sort()).toEqual(stepCatalog.kinds().slice().sort());
    for (const [what, n] of Object.entries(seen)) if (typeof n === 'number') expect(n, what).toBeGreaterThan(0);
  });
});

// Links made now for every example, with its real cpu result (from the golden link fixtures).
const SIZES = await Promise.all(
  EXAMPLES.map(async (name) => {
    const expected = (await decodeShare(goldenLink(name))).expected;
    const url = await shareUrl({ spec: loadExample(name), expected, data: [] }, GOLDEN_BASE);
    return { name, bytes: new TextEncoder().encode(url).length, hasExpected: expected !== null };
  }),
);

describe('link size', () => {
  it.each(SIZES)('examples/$name.json with its result: $bytes bytes, under 8 KB', ({ bytes, hasExpected }) => {
    expect(hasExpected).toBe(true);
    expect(bytes).toBeLessThan(8 * 1024);
  });

  it('prints the sizes', () => {
    console.table(Object.fromEntries(SIZES.map((s) => [s.name, { bytes: s.bytes }])));
    expect(SIZES.length).toBe(EXAMPLES.length);
  });
});

const UNICODE = ['é', 'ß', '日', '本', '😀', '\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', ' ', '%', '#', '=', '.', '+', '/', '"', '<', '\n'];

/** A random string of 0 to 5000 characters: base64url only, mixed, or mostly unicode. */
function randomString(rng: Prng): string {
  const length = rng.next() < 0.3 ? intIn(rng, 0, 16) : intIn(rng, 0, 5000);
  const mode = rng.int(3);
  const chars: string[] = [];
  for (let i = 0; i < length; i++) {
    if (mode === 0 || (mode === 1 && rng.next() < 0.8)) chars.push(BASE64URL_ALPHABET[rng.int(64)]);
    else if (mode === 1 || rng.next() < 0.5) chars.push(pick(rng, UNICODE));
    else chars.push(String.fromCharCode(rng.int(0x10000)));
  }
  return chars.join('');
}

describe('random input never crashes or hangs the decoder', () => {
  it('500 random strings, with and without the #share=1. prefix, are all refused with a ShareError', async () => {
    const rng = new Prng(66);
    const messages = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const s = randomString(rng);
      const inputs = [`#share=1.${s}`, s, `${GOLDEN_BASE}#share=1.${s}`, `share=${s}`, `#share=${rng.int(4)}.${s}`];
      for (const input of inputs) {
        const what = `random string ${i} as ${JSON.stringify(input.slice(0, 40))}… (${input.length} chars)`;
        const result = await outcome(decodeShare(input), PER_CALL_MS, what);
        messages.add(expectShareError(result, what).replace(/"[^"]*"/g, '"…"'));
      }
    }
    // The refusals say different, specific things (length, alphabet, unpacking, prefix, version).
    expect(messages.size).toBeGreaterThanOrEqual(5);
  });
});

type Mutation = (link: string, rng: Prng) => string;

/** Position of the first character of the link's data (after "share=1."). */
const dataStart = (link: string) => link.indexOf('share=') + 'share=1.'.length;
const anywhere = (link: string, rng: Prng) => intIn(rng, dataStart(link), link.length - 1);

const MUTATIONS: Record<string, Mutation> = {
  flip: (l, rng) => {
    const i = anywhere(l, rng);
    const others = BASE64URL_ALPHABET.replace(l[i], '');
    return l.slice(0, i) + others[rng.int(others.length)] + l.slice(i + 1);
  },
  delete: (l, rng) => {
    const i = anywhere(l, rng);
    return l.slice(0, i) + l.slice(i + 1);
  },
  truncate: (l, rng) => l.slice(0, intIn(rng, 0, l.length - 1)),
  duplicate: (l, rng) => {
    const i = anywhere(l, rng);
    const chunk = l.slice(i, i + intIn(rng, 1, 40));
    return l.slice(0, i) + chunk + l.slice(i);
  },
  version: (l, rng) => l.replace('share=1.', `share=${pick(rng, ['2', '0', 'x', '-1', '1.5', '', '99999999999999999999'])}.`),
  foreign: (l, rng) => {
    const i = anywhere(l, rng);
    return l.slice(0, i) + pick(rng, ['=', '+', '/', ' ', '%41', 'é', '😀', '\u0000']) + l.slice(i);
  },
};

describe('mutated links of the examples', () => {
  it('300 random mutations each either decode to a valid payload or are refused with a ShareError', async () => {
    const links = await Promise.all(EXAMPLES.map(async (name) => goldenLink(name)));
    links.push(...(await Promise.all(EXAMPLES.map((name) => shareUrl({ spec: loadExample(name), expected: null, data: [] }, GOLDEN_BASE)))));
    const rng = new Prng(606);
    const tally = { decoded: 0, refused: 0 } as Record<string, number>;
    const names = Object.keys(MUTATIONS);
    for (let i = 0; i < 300; i++) {
      let link = pick(rng, links);
      const applied: string[] = [];
      for (let k = rng.next() < 0.6 ? 1 : intIn(rng, 2, 3); k > 0; k--) {
        const name = pick(rng, names);
        applied.push(name);
        link = MUTATIONS[name](link, rng);
      }
      const what = `mutation ${i} (${applied.join(', ')})`;
      const result = await outcome(decodeShare(link), PER_CALL_MS, what);
      if (result.ok) {
        expectValidPayload(result.value, what);
        tally.decoded++;
      } else {
        expectShareError(result, what);
        tally.refused++;
      }
    }
    console.log(`mutated links: ${tally.decoded} still decoded to a valid payload, ${tally.refused} refused with a ShareError`);
    expect(tally.refused).toBeGreaterThan(100);
  });

  it('every single-character flip of a link either decodes to a valid payload or is refused with a ShareError', async () => {
    // Raw DEFLATE carries no checksum, so some flips still decode (a changed name, seed or number):
    // those must be complete, valid pipelines; every other flip is a ShareError.
    const link = goldenLink('iris-logreg');
    let decoded = 0;
    for (let i = dataStart(link); i < link.length; i++) {
      const c = BASE64URL_ALPHABET.indexOf(link[i]);
      for (const shift of [1, 32]) {
        const flipped = link.slice(0, i) + BASE64URL_ALPHABET[(c + shift) % 64] + link.slice(i + 1);
        const what = `flip at ${i} by ${shift}`;
        const result = await outcome(decodeShare(flipped), PER_CALL_MS, what);
        if (result.ok) {
          expectValidPayload(result.value, what);
          decoded++;
        } else expectShareError(result, what);
      }
    }
    expect(decoded, 'some flips keep a valid pipeline (so the valid branch is exercised)').toBeGreaterThan(0);
  });
});
