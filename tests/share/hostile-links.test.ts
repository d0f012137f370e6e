// Hostile share links (issue 6, safety): each is built by hand exactly as the codec builds a link,
// `share=1.` + base64url(deflate-raw(JSON)), and must give a clear ShareError, or decode to plain data.
import { describe, expect, it } from 'vitest';
import { decodeShare, MAX_FRAGMENT, MAX_INFLATED } from '../../src/share/link-codec';
import { doc } from '../helpers';
import { expectShareError, fragmentOf, outcome, shareJson } from './link-test-utils';

/** A hang guard only (a decode that never settles fails with a clear message), never a speed bound: generous for a busy machine. */
const PER_CALL_MS = 30_000;
const GOOD_STEPS = [
  { id: 'data', kind: 'data.builtin', params: { name: 'iris' } },
  { id: 'split', kind: 'split.train-test', params: {} },
];
const VALID_EXPECTED = {
  resultHash: 'c6e505610a5d03dc3c959265847e12797e2cfe0a4efd7aeb1ae3d9f5c38c28fd',
  backend: 'cpu', floatPrecision: 32, tfjsVersion: '4.22.0', appVersion: '0.1.0', engineVersion: '1', metrics: { accuracy: 0.92 },
};

/** Decodes a hand-built link and returns the ShareError's message (failing on any other outcome). */
async function refusal(fragment: string, what: string): Promise<string> {
  return expectShareError(await outcome(decodeShare(fragment), PER_CALL_MS, what), what);
}

/** A link around a share document's JSON text. */
const linkOf = async (json: string, linkVersion: number | string = 1) => fragmentOf(json, linkVersion);

describe('hostile links are refused with a clear message', () => {
  it('an unknown step kind names the field steps[0].kind', async () => {
    const message = await refusal(await linkOf(shareJson(doc([{ id: 'x', kind: 'transform.evil', params: {} }]))), 'unknown kind');
    expect(message).toContain('steps[0].kind');
    expect(message).toContain('transform.evil');
    expect(message).toContain('data.builtin'); // it lists the kinds that exist
  });

  it('a wrong format tag, of the link or of the pipeline inside it', async () => {
    expect(await refusal(await linkOf(JSON.stringify({ format: 'evil/share', version: 1, spec: doc([]) })), 'link format')).toMatch(/not a pipelab share link.*format tag/);
    expect(await refusal(await linkOf(JSON.stringify({ version: 1, spec: doc([]) })), 'no format')).toMatch(/format tag/);
    expect(await refusal(await linkOf(shareJson({ ...doc([]), format: 'pipelab/other' })), 'spec format')).toMatch(/format: expected "pipelab\/pipeline"/);
  });

  it('a newer version (of the link encoding, the share document or the pipeline) says "newer pipelab"', async () => {
    expect(await refusal(await linkOf(shareJson(doc([])), 2), 'link encoding 2')).toMatch(/newer pipelab/);
    expect(await refusal(await linkOf(shareJson(doc([])), 99), 'link encoding 99')).toMatch(/newer pipelab/);
    expect(await refusal(await linkOf(JSON.stringify({ format: 'pipelab/share', version: 99, spec: doc([]) })), 'share version 99')).toMatch(/newer pipelab/);
    expect(await refusal(await linkOf(shareJson({ ...doc([]), version: 99 })), 'pipeline version 99')).toMatch(/version.*newer pipelab/);
  });

  it('a missing or invalid version is refused, not guessed', async () => {
    for (const v of ['0', 'x', '', '-1', '1.5']) await refusal(await linkOf(shareJson(doc([])), v), `link encoding "${v}"`);
    for (const v of [0, -1, 1.5, '1', null]) {
      await refusal(await linkOf(JSON.stringify({ format: 'pipelab/share', version: v, spec: doc([]) })), `share version ${String(v)}`);
    }
  });

  it('markup in names is just text: it decodes, unchanged', async () => {
    const name = '<img src=x onerror=alert(1)><script>alert("x")</script>';
    const payload = await decodeShare(await linkOf(shareJson({ ...doc(GOOD_STEPS), name })));
    expect(payload.spec.name).toBe(name);
    expect(payload.spec.steps.map((s) => s.kind)).toEqual(['data.builtin', 'split.train-test']);
  });

  it('markup in a step id is refused, naming steps[0].id', async () => {
    const message = await refusal(await linkOf(shareJson(doc([{ id: '<script>', kind: 'data.builtin' }]))), 'script id');
    expect(message).toContain('steps[0].id');
  });

  it(`a zip bomb (50 MB of spaces) is refused with "more than ${MAX_INFLATED / 1e6} MB" without unpacking it all`, async () => {
    const bomb = new Uint8Array(50_000_000).fill(0x20);
    bomb.set(new TextEncoder().encode(shareJson(doc([]))), bomb.length - 200);
    const fragment = await fragmentOf(bomb);
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT); // it reaches the unpacking limit, not the length limit
    const before = process.memoryUsage().arrayBuffers;
    const message = await refusal(fragment, 'zip bomb'); // how long the refusal takes is timed by `npm run bench`, not asserted here
    const grownMb = (process.memoryUsage().arrayBuffers - before) / 1e6;
    expect(message).toMatch(/unpacks to more than 4 MB/);
    expect(grownMb, 'array buffers allocated by the refused decode').toBeLessThan(25);
  });

  it('a link longer than the fragment limit is refused before any unpacking', async () => {
    const message = await refusal(`#share=1.${'A'.repeat(MAX_FRAGMENT + 10)}`, 'too long');
    expect(message).toContain(`at most ${MAX_FRAGMENT}`);
  });

  it.each([10_000, 300_000])('JSON nested %i levels deep is refused with a clear message (no stack overflow)', async (depth) => {
    const arrays = shareJson('@').replace('"@"', `${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(await refusal(await linkOf(arrays), 'nested arrays')).toMatch(/nesting at most 32 levels deep/);
    const objects = shareJson(doc([])).replace('"test"', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
    expect(await refusal(await linkOf(objects), 'nested objects')).toMatch(/nesting at most 32 levels deep|at most 1000000 characters/);
  });

  it('a thousand steps are refused ("at most 100 steps")', async () => {
    const steps = Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, kind: 'transform.standardize', params: {} }));
    expect(await refusal(await linkOf(shareJson(doc(steps))), '1000 steps')).toMatch(/at most 100 steps/);
  });

  it('absurd sizes and values in the pipeline name the field', async () => {
    expect(await refusal(await linkOf(shareJson({ ...doc([]), name: 'n'.repeat(201) })), 'long name')).toMatch(/name: expected a non-empty name of at most 200/);
    expect(await refusal(await linkOf(shareJson({ ...doc([]), seed: 2 ** 32 })), 'big seed')).toMatch(/seed: expected an integer from 0 to 4294967295/);
    expect(await refusal(await linkOf(shareJson(doc([{ id: 'm', kind: 'model.mlp-classifier', params: { hiddenLayers: Array(9).fill(1e9) } }]))), 'huge layers')).toMatch(/steps\[0\]\.params\.hiddenLayers/);
    expect(await refusal(await linkOf(shareJson(doc([{ id: 'd', kind: 'data.noise', params: { samples: 1e300 } }]))), 'huge samples')).toMatch(/steps\[0\]\.params\.samples/);
    expect(await refusal(await linkOf(shareJson(doc([...GOOD_STEPS, GOOD_STEPS[0]]))), 'repeated id')).toMatch(/steps\[2\]\.id.*repeated/);
  });

  it('an expected result with a bad hash is refused', async () => {
    for (const resultHash of ['abc', VALID_EXPECTED.resultHash.toUpperCase(), `${VALID_EXPECTED.resultHash}0`, 42, null]) {
      const json = shareJson(doc(GOOD_STEPS), { expected: { ...VALID_EXPECTED, resultHash } });
      expect(await refusal(await linkOf(json), `hash ${String(resultHash)}`)).toMatch(/expected result hash is damaged/);
    }
  });

  it('a non-finite metric (1e999 parses as Infinity) is refused', async () => {
    for (const value of ['1e999', '-1e999']) {
      const json = shareJson(doc(GOOD_STEPS), { expected: { ...VALID_EXPECTED, metrics: { accuracy: 0 } } }).replace('"accuracy":0', `"accuracy":${value}`);
      expect(await refusal(await linkOf(json), `metric ${value}`)).toMatch(/expected metrics are damaged/);
    }
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`m${i}`, i]));
    expect(await refusal(await linkOf(shareJson(doc(GOOD_STEPS), { expected: { ...VALID_EXPECTED, metrics: many } })), '21 metrics')).toMatch(/metrics are damaged/);
  });

  it('contents that are not UTF-8 text, or not a JSON object, are refused', async () => {
    expect(await refusal(await fragmentOf(new Uint8Array([0xff, 0xfe, 0xc3, 0x28])), 'bad utf-8')).toMatch(/not text/);
    for (const json of ['null', '[]', '"share"', '42', 'true', '{', '']) await refusal(await linkOf(json), `JSON ${json}`);
    await refusal(await linkOf(JSON.stringify({ format: 'pipelab/share', version: 1 })), 'no spec');
    await refusal(await linkOf(shareJson(doc([]), { data: 'x' })), 'data not a list');
  });

  it('prototype-pollution keys are refused and pollute nothing', async () => {
    const json = shareJson(doc([{ id: 'x', kind: 'transform.standardize', params: {} }])).replace('"params":{}', '"params":{"__proto__":{"polluted":1}}');
    expect(await refusal(await linkOf(json), '__proto__ param')).toContain('steps[0].params.__proto__');
    const top = shareJson(doc([])).replace('"steps":[]', '"steps":[],"__proto__":{"polluted":1}');
    expect(await refusal(await linkOf(top), '__proto__ field')).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
